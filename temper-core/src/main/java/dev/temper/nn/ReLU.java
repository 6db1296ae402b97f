package dev.temper.nn;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;

/** Activation layer: {@code max(x, 0)}. No parameters; the shape is unchanged. */
public final class ReLU implements Layer {
    @Override
    public Variable forward(Variable input, ForwardContext context) {
        return input.relu();
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    public String kind() {
        return "relu";
    }
}
