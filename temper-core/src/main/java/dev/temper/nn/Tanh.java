package dev.temper.nn;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;

/** Activation layer: {@code tanh x}. No parameters; the shape is unchanged. */
public final class Tanh implements Layer {
    @Override
    public Variable forward(Variable input, ForwardContext context) {
        return input.tanh();
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    public String kind() {
        return "tanh";
    }
}
