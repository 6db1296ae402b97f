package dev.temper.optim;

/**
 * RMSprop (Hinton 2012; centered form Graves 2013) as PyTorch: {@code v = alpha v + (1 - alpha) g^2},
 * {@code p -= lr * g / (sqrt(v) + eps)} (centered: {@code sqrt(v - gAvg^2)}; with momentum the step is a
 * momentum buffer of those quotients), see {@link ScaleByRms}. Defaults as PyTorch: lr 0.01, alpha 0.99,
 * eps 1e-8, not centered, momentum 0 (Keras: lr 0.001, rho 0.9, eps 1e-7).
 */
public record RmsProp(double learningRate, double alpha, double epsilon, boolean centered, double momentum) {
    public RmsProp {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        new ScaleByRms(alpha, epsilon, centered, momentum);
    }

    public static RmsProp defaults() {
        return new RmsProp(0.01, 0.99, 1e-8, false, 0.0);
    }

    public RmsProp withLearningRate(double lr) {
        return new RmsProp(lr, alpha, epsilon, centered, momentum);
    }

    public RmsProp withCentered(boolean isCentered) {
        return new RmsProp(learningRate, alpha, epsilon, isCentered, momentum);
    }

    public RmsProp withMomentum(double m) {
        return new RmsProp(learningRate, alpha, epsilon, centered, m);
    }

    public Optimizer build() {
        return new Optimizer(new ScaleByRms(alpha, epsilon, centered, momentum), learningRate);
    }
}
