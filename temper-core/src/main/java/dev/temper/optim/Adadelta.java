package dev.temper.optim;

/**
 * Adadelta (Zeiler 2012), see {@link ScaleByAdadelta}: {@code p -= lr * delta}. Defaults as PyTorch: lr 1.0
 * (the paper has no learning rate), rho 0.9, eps 1e-6 (Keras: lr 0.001, rho 0.95, eps 1e-7).
 */
public record Adadelta(double learningRate, double rho, double epsilon) {
    public Adadelta {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        new ScaleByAdadelta(rho, epsilon);
    }

    public static Adadelta defaults() {
        return new Adadelta(1.0, 0.9, 1e-6);
    }

    public Adadelta withLearningRate(double lr) {
        return new Adadelta(lr, rho, epsilon);
    }

    public Optimizer build() {
        return new Optimizer(new ScaleByAdadelta(rho, epsilon), learningRate);
    }
}
