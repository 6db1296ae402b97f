package dev.temper.optim;

import dev.temper.autograd.Selector;

/**
 * AdamW (Loshchilov and Hutter 2019, "Decoupled Weight Decay Regularization"):
 * {@code p -= lr * (adam_update + weightDecay * p)}, i.e. {@link ScaleByAdam} then {@link AddDecayedWeights}.
 * Defaults as PyTorch's {@code AdamW}: lr 1e-3, betas 0.9/0.999, eps 1e-8, weight decay 0.01, no AMSGrad.
 * Unlike PyTorch (which decays every parameter of a group), only the parameters chosen by {@code decayed}
 * decay, by default {@link Selector#weights()} (biases and normalization parameters are left alone).
 */
public record AdamW(double learningRate, double beta1, double beta2, double epsilon, double weightDecay,
        boolean amsgrad, Selector decayed) {
    public AdamW {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        new ScaleByAdam(beta1, beta2, epsilon);
        new AddDecayedWeights(weightDecay, decayed);
    }

    public static AdamW defaults() {
        return new AdamW(1e-3, 0.9, 0.999, 1e-8, 0.01, false, Selector.weights());
    }

    public AdamW withLearningRate(double lr) {
        return new AdamW(lr, beta1, beta2, epsilon, weightDecay, amsgrad, decayed);
    }

    public AdamW withWeightDecay(double wd) {
        return new AdamW(learningRate, beta1, beta2, epsilon, wd, amsgrad, decayed);
    }

    /** Which parameters decay (any {@link Selector}, e.g. {@code Selector.byPath("encoder.**")}). */
    public AdamW withDecayed(Selector selector) {
        return new AdamW(learningRate, beta1, beta2, epsilon, weightDecay, amsgrad, selector);
    }

    public AdamW withAmsgrad(boolean useAmsgrad) {
        return new AdamW(learningRate, beta1, beta2, epsilon, weightDecay, useAmsgrad, decayed);
    }

    public Optimizer build() {
        return new Optimizer(new Chain(new ScaleByAdam(beta1, beta2, epsilon, amsgrad),
                new AddDecayedWeights(weightDecay, decayed)), learningRate);
    }
}
