package dev.temper.regularize;

import dev.temper.tensor.Tensor;
import java.util.Arrays;

/**
 * Unit-norm constraint: the weights coming into each unit are divided by their Euclidean norm,
 * {@code w <- w / ||w||}, with norms over {@code axes} as in {@link MaxNorm} (Keras's
 * {@code constraints.UnitNorm(axis=0)}; same default). An all-zero vector has no direction and is left zero;
 * Keras instead divides by {@code epsilon + ||w||}.
 */
public final class UnitNorm implements Constraint {
    private final int[] axes;

    public UnitNorm(int... axes) {
        if (axes.length == 0) {
            throw new IllegalArgumentException("UnitNorm: axes must name at least one axis, got none");
        }
        this.axes = axes.clone();
    }

    /** Keras's default: norms over axis 0 (each column of a dense kernel). */
    public static UnitNorm defaults() {
        return new UnitNorm(0);
    }

    public int[] axes() {
        return axes.clone();
    }

    @Override
    public Tensor project(Tensor value) {
        Tensor norms = Constraint.norms("UnitNorm", value, axes);
        // A zero norm would give 0/0; dividing by the smallest normal number keeps zeros zero instead.
        return value.div(norms.maximum(Tensor.scalar(value.dtype(), Float.MIN_NORMAL)));
    }

    @Override
    public String toString() {
        return "UnitNorm(axes=" + Arrays.toString(axes) + ")";
    }
}
