package dev.temper.optim;

/**
 * Adam (Kingma and Ba 2015): {@code p -= lr * mhat / (sqrt(vhat) + eps)}, see {@link ScaleByAdam}, optionally
 * AMSGrad (Reddi et al. 2018, PyTorch's form: the running maximum of v, bias-corrected). Defaults from the
 * paper, as in PyTorch: lr 1e-3, beta1 0.9, beta2 0.999, eps 1e-8 (Keras uses 1e-7), no AMSGrad. For an L2
 * penalty coupled as PyTorch's {@code weight_decay}, chain {@link AddDecayedWeights} before
 * {@link ScaleByAdam}; for decoupled decay use {@link AdamW}.
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon, boolean amsgrad) {
    public Adam {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        new ScaleByAdam(beta1, beta2, epsilon); // validates the rest
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this(learningRate, beta1, beta2, epsilon, false);
    }

    public static Adam defaults() {
        return new Adam(1e-3, 0.9, 0.999, 1e-8, false);
    }

    public Adam withLearningRate(double lr) {
        return new Adam(lr, beta1, beta2, epsilon, amsgrad);
    }

    public Adam withAmsgrad(boolean useAmsgrad) {
        return new Adam(learningRate, beta1, beta2, epsilon, useAmsgrad);
    }

    public Optimizer build() {
        return new Optimizer(new ScaleByAdam(beta1, beta2, epsilon, amsgrad), learningRate);
    }
}
