package dev.temper.nn;

import dev.temper.autograd.Gelu;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;

/**
 * Activation layer: GELU, {@code x Phi(x)} ({@link Gelu}). No parameters; the shape is unchanged. By default the
 * exact erf form, as PyTorch's {@code nn.GELU()} and Keras's {@code gelu}; {@link #tanhApproximation()} gives
 * PyTorch's {@code approximate='tanh'}.
 */
public final class GELU implements Layer {
    private final boolean tanhApproximation;

    /** The exact form. */
    public GELU() {
        this(false);
    }

    public GELU(boolean tanhApproximation) {
        this.tanhApproximation = tanhApproximation;
    }

    /** {@code x/2 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}. */
    public static GELU tanhApproximation() {
        return new GELU(true);
    }

    public boolean usesTanhApproximation() {
        return tanhApproximation;
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        return Gelu.apply(input, tanhApproximation);
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    public String kind() {
        return "gelu";
    }
}
