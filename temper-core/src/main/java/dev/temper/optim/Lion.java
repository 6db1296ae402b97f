package dev.temper.optim;

import dev.temper.autograd.Selector;

/**
 * Lion (Chen et al. 2023): {@code p -= lr * (sign(b1 m + (1 - b1) g) + weightDecay * p)},
 * {@code m = b2 m + (1 - b2) g} ({@link ScaleByLion} then decoupled {@link AddDecayedWeights}). Defaults from
 * the paper: lr 1e-4, beta1 0.9, beta2 0.99; weight decay 0 (the paper scales AdamW's decay up by the factor
 * the rate goes down; set it with {@link #withWeightDecay}). Only {@code decayed} parameters decay, by default
 * {@link Selector#weights()}.
 */
public record Lion(double learningRate, double beta1, double beta2, double weightDecay, Selector decayed) {
    public Lion {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        new ScaleByLion(beta1, beta2);
        new AddDecayedWeights(weightDecay, decayed);
    }

    public static Lion defaults() {
        return new Lion(1e-4, 0.9, 0.99, 0.0, Selector.weights());
    }

    public Lion withLearningRate(double lr) {
        return new Lion(lr, beta1, beta2, weightDecay, decayed);
    }

    public Lion withWeightDecay(double wd) {
        return new Lion(learningRate, beta1, beta2, wd, decayed);
    }

    public Lion withDecayed(Selector selector) {
        return new Lion(learningRate, beta1, beta2, weightDecay, selector);
    }

    public Optimizer build() {
        return new Optimizer(new Chain(new ScaleByLion(beta1, beta2), new AddDecayedWeights(weightDecay, decayed)),
                learningRate);
    }
}
