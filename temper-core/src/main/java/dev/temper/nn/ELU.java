package dev.temper.nn;

import dev.temper.autograd.Elu;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;

/**
 * Activation layer: {@code x if x > 0 else alpha (e^x - 1)} ({@link Elu}). No parameters; the shape is unchanged.
 * Default alpha 1.0, as both PyTorch and Keras.
 */
public final class ELU implements Layer {
    public static final double DEFAULT_ALPHA = 1.0;

    private final double alpha;

    public ELU() {
        this(DEFAULT_ALPHA);
    }

    public ELU(double alpha) {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("ELU: alpha must be finite and > 0, got " + alpha);
        }
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        return Elu.apply(input, alpha);
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    public String kind() {
        return "elu";
    }
}
