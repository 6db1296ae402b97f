package dev.temper.optim;

/**
 * Adagrad (Duchi, Hazan and Singer 2011): {@code sum += g^2; p -= lr * g / (sqrt(sum) + eps)}, see
 * {@link ScaleByAdagrad}. Defaults as PyTorch: lr 0.01, initial accumulator 0, eps 1e-10 (Keras: lr 0.001,
 * initial accumulator 0.1, eps 1e-7). PyTorch's {@code lr_decay} is left to a {@link Schedule}.
 */
public record Adagrad(double learningRate, double initialAccumulatorValue, double epsilon) {
    public Adagrad {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        new ScaleByAdagrad(initialAccumulatorValue, epsilon);
    }

    public static Adagrad defaults() {
        return new Adagrad(0.01, 0.0, 1e-10);
    }

    public Adagrad withLearningRate(double lr) {
        return new Adagrad(lr, initialAccumulatorValue, epsilon);
    }

    public Optimizer build() {
        return new Optimizer(new ScaleByAdagrad(initialAccumulatorValue, epsilon), learningRate);
    }
}
