package dev.temper.data;

import dev.temper.tensor.Tensor;

/**
 * A batch after {@link Mixup}: features and (soft) targets mixed with the same {@code lambda}, row {@code i} being
 * {@code lambda * row i + (1 - lambda) * row partners[i]} of the input batch.
 */
public record MixedBatch(Tensor features, Tensor targets, double lambda, int[] partners) {
    public MixedBatch {
        partners = partners.clone();
    }

    @Override
    public int[] partners() {
        return partners.clone();
    }

    /** As a plain {@link Batch} for the training step (targets are probabilities, not class indices). */
    public Batch batch() {
        return new Batch(features, targets);
    }
}
