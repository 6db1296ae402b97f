package dev.temper.optim;

/**
 * Adam (Kingma and Ba 2015): {@code p -= lr * mhat / (sqrt(vhat) + eps)}, see {@link ScaleByAdam}.
 * Defaults from the paper, as in PyTorch and Keras: lr 1e-3, beta1 0.9, beta2 0.999, eps 1e-8 (Keras uses 1e-7).
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon) {
    public Adam {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        new ScaleByAdam(beta1, beta2, epsilon); // validates the rest
    }

    public static Adam defaults() {
        return new Adam(1e-3, 0.9, 0.999, 1e-8);
    }

    public Adam withLearningRate(double lr) {
        return new Adam(lr, beta1, beta2, epsilon);
    }

    public Optimizer build() {
        return new Optimizer(new ScaleByAdam(beta1, beta2, epsilon), learningRate);
    }
}
