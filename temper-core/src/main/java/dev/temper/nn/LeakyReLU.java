package dev.temper.nn;

import dev.temper.autograd.LeakyRelu;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;

/**
 * Activation layer: {@code x if x > 0 else negativeSlope * x} ({@link LeakyRelu}). No parameters; the shape is
 * unchanged.
 *
 * <p>Default slope 0.01, as PyTorch's {@code nn.LeakyReLU}. Keras's {@code LeakyReLU} layer defaults to 0.3 (its
 * {@code negative_slope}, formerly {@code alpha}); pass 0.3 explicitly to match a Keras model.
 */
public final class LeakyReLU implements Layer {
    /** PyTorch's default negative slope. */
    public static final double DEFAULT_NEGATIVE_SLOPE = 0.01;

    private final double negativeSlope;

    public LeakyReLU() {
        this(DEFAULT_NEGATIVE_SLOPE);
    }

    public LeakyReLU(double negativeSlope) {
        if (!Double.isFinite(negativeSlope)) {
            throw new IllegalArgumentException("LeakyReLU: negativeSlope must be finite, got " + negativeSlope);
        }
        this.negativeSlope = negativeSlope;
    }

    public double negativeSlope() {
        return negativeSlope;
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        return LeakyRelu.apply(input, negativeSlope);
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    public String kind() {
        return "leaky_relu";
    }
}
