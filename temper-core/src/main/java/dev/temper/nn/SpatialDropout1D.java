package dev.temper.nn;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;

/**
 * Spatial dropout for sequences {@code [batch, T, F]}, as Keras's {@code SpatialDropout1D}: in training each
 * whole feature of each sample is dropped at every time step together, with probability {@code rate}, and the
 * kept ones are scaled by {@code 1 / (1 - rate)} (the idea of Tompson et al. 2015, see {@link SpatialDropout},
 * applied to the feature axis of a sequence).
 *
 * <p>{@code y = x * m}, with one {@code m[n, f]} in {0, 1 / (1 - rate)} broadcast over {@code T}; the gradient is
 * {@code m}. Inference is the identity.
 */
public final class SpatialDropout1D implements Layer {
    private final double rate;

    public SpatialDropout1D(double rate) {
        this.rate = NoiseDraws.checkRate("SpatialDropout1D", rate);
    }

    public double rate() {
        return rate;
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        Shape s = input.shape();
        if (s.rank() != 3) {
            throw new IllegalArgumentException("SpatialDropout1D: expected input [batch, steps, features], got " + s);
        }
        if (!context.dropoutActive() || rate == 0) {
            return input;
        }
        int[] maskShape = {s.dim(0), 1, s.dim(2)};
        return input.mul(Variable.constant(
                NoiseDraws.keepMask(input.value().dtype(), maskShape, rate, 1 / (1 - rate), context.rng())));
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        if (inputShape.rank() != 2) {
            throw new IllegalArgumentException("SpatialDropout1D: expected input shape [steps, features], got " + inputShape);
        }
        return inputShape;
    }

    @Override
    public String kind() {
        return "spatial_dropout1d";
    }
}
