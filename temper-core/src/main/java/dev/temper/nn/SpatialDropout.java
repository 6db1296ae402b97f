package dev.temper.nn;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;

/**
 * Spatial dropout (Tompson et al. 2015, "Efficient Object Localization Using Convolutional Networks") for
 * feature maps {@code [batch, C, H, W]}: in training each whole channel of each sample is dropped with
 * probability {@code rate} and the kept ones are scaled by {@code 1 / (1 - rate)}. Neighbouring activations of
 * a feature map are strongly correlated, so element-wise dropout barely regularizes convolutions; dropping whole
 * maps does. As Keras's {@code SpatialDropout2D} with {@code channels_first}; for sequences {@code [batch, T, F]}
 * see {@link SpatialDropout1D}.
 *
 * <p>{@code y = x * m}, with one {@code m[n, c]} in {0, 1 / (1 - rate)} broadcast over {@code H, W}; the gradient
 * is {@code m}, so it flows through kept channels only. Inference is the identity.
 */
public final class SpatialDropout implements Layer {
    private final double rate;

    public SpatialDropout(double rate) {
        this.rate = NoiseDraws.checkRate("SpatialDropout", rate);
    }

    public double rate() {
        return rate;
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        Shape s = input.shape();
        if (s.rank() != 4) {
            throw new IllegalArgumentException("SpatialDropout: expected input [batch, channels, height, width], got " + s);
        }
        if (!context.dropoutActive() || rate == 0) {
            return input;
        }
        int[] maskShape = {s.dim(0), s.dim(1), 1, 1};
        return input.mul(Variable.constant(
                NoiseDraws.keepMask(input.value().dtype(), maskShape, rate, 1 / (1 - rate), context.rng())));
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        if (inputShape.rank() != 3) {
            throw new IllegalArgumentException("SpatialDropout: expected input shape [channels, height, width], got " + inputShape);
        }
        return inputShape;
    }

    @Override
    public String kind() {
        return "spatial_dropout";
    }
}
