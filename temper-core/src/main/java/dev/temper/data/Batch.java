package dev.temper.data;

import dev.temper.tensor.Tensor;

/** One mini-batch: features and targets of the same examples. */
public record Batch(Tensor features, Tensor targets) {
    public int size() {
        return features.dim(0);
    }
}
