package dev.temper.regularize;

import dev.temper.tensor.Tensor;

/** Non-negativity constraint {@code w <- max(w, 0)}: the projection onto the non-negative orthant (Keras's {@code constraints.NonNeg}). */
public record NonNegative() implements Constraint {
    @Override
    public Tensor project(Tensor value) {
        return value.relu();
    }
}
