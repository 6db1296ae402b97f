package dev.temper.regularize;

import dev.temper.tensor.Tensor;

/**
 * A projection of a parameter onto an allowed set (Keras's weight constraints), applied after each optimizer step
 * by {@link Constraints}.
 */
public interface Constraint {

    /** The projection of {@code value}: a new tensor of the same shape and dtype; {@code value} is left unchanged. */
    Tensor project(Tensor value);

    /** Norms of {@code value} over {@code axes}, kept as size-1 axes so they broadcast back (used by the norm constraints). */
    static Tensor norms(String constraint, Tensor value, int[] axes) {
        for (int axis : axes) {
            if (axis < 0 || axis >= value.rank()) {
                throw new IllegalArgumentException(constraint + ": axis " + axis + " is out of range for a parameter of shape "
                        + value.shape() + " (expected 0.." + (value.rank() - 1) + ")");
            }
        }
        return value.square().sum(true, axes).sqrt();
    }
}
