package dev.temper.nn;

import dev.temper.autograd.Silu;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;

/**
 * Activation layer: SiLU (Swish with beta 1), {@code x sigmoid(x)} ({@link Silu}). No parameters; the shape is
 * unchanged.
 */
public final class SiLU implements Layer {
    @Override
    public Variable forward(Variable input, ForwardContext context) {
        return Silu.apply(input);
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    public String kind() {
        return "silu";
    }
}
