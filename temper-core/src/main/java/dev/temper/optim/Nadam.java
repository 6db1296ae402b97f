package dev.temper.optim;

/**
 * Nadam (Dozat 2016) exactly as PyTorch's {@code NAdam} (momentum decay schedule included), see
 * {@link ScaleByNadam}. Defaults as PyTorch: lr 2e-3, betas 0.9/0.999, eps 1e-8, momentum decay 4e-3.
 */
public record Nadam(double learningRate, double beta1, double beta2, double epsilon, double momentumDecay) {
    public Nadam {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        new ScaleByNadam(beta1, beta2, epsilon, momentumDecay);
    }

    public static Nadam defaults() {
        return new Nadam(2e-3, 0.9, 0.999, 1e-8, 4e-3);
    }

    public Nadam withLearningRate(double lr) {
        return new Nadam(lr, beta1, beta2, epsilon, momentumDecay);
    }

    public Optimizer build() {
        return new Optimizer(new ScaleByNadam(beta1, beta2, epsilon, momentumDecay), learningRate);
    }
}
