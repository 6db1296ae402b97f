package dev.temper.regularize;

import dev.temper.tensor.Tensor;
import java.util.Arrays;

/**
 * Max-norm constraint (Srebro, Rennie and Jaakkola 2005; used with dropout by Srivastava et al. 2014): the vector
 * of weights coming into each unit is rescaled, if needed, so that its Euclidean norm is at most
 * {@code maxValue}: {@code w <- w * min(1, maxValue / ||w||)}.
 *
 * <p>{@code axes} are the axes the norm is taken over, as Keras's {@code constraints.MaxNorm(max_value=2, axis=0)}
 * (defaults there and here: 2 and axis 0). For a {@code Dense} kernel {@code [in, out]}, axis 0 gives one norm per
 * output unit (per column: its incoming weights). For a channels-last conv kernel {@code [kh, kw, in, out]} use
 * axes {@code 0, 1, 2}. Unlike Keras, no epsilon is added to the norm, so a vector already inside the ball is
 * left bit-for-bit unchanged; a rescaled one has norm {@code maxValue} up to rounding.
 */
public final class MaxNorm implements Constraint {
    /** Keras's default maximum norm. */
    public static final double DEFAULT_MAX_VALUE = 2.0;

    private final double maxValue;
    private final int[] axes;

    public MaxNorm(double maxValue, int... axes) {
        if (!(maxValue > 0) || Double.isInfinite(maxValue)) {
            throw new IllegalArgumentException("MaxNorm: maxValue must be finite and > 0, got " + maxValue);
        }
        if (axes.length == 0) {
            throw new IllegalArgumentException("MaxNorm: axes must name at least one axis, got none");
        }
        this.maxValue = maxValue;
        this.axes = axes.clone();
    }

    /** Keras's defaults: maximum norm 2 over axis 0 (each column of a dense kernel). */
    public static MaxNorm defaults() {
        return new MaxNorm(DEFAULT_MAX_VALUE, 0);
    }

    public double maxValue() {
        return maxValue;
    }

    public int[] axes() {
        return axes.clone();
    }

    @Override
    public Tensor project(Tensor value) {
        Tensor norms = Constraint.norms("MaxNorm", value, axes);
        // maxValue / 0 is +inf, and min(1, inf) = 1: an all-zero vector stays zero.
        Tensor scale = Tensor.full(value.dtype(), maxValue, norms.dims()).div(norms)
                .minimum(Tensor.scalar(value.dtype(), 1.0));
        return value.mul(scale);
    }

    @Override
    public String toString() {
        return "MaxNorm(maxValue=" + maxValue + ", axes=" + Arrays.toString(axes) + ")";
    }
}
