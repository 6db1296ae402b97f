package dev.temper.nn;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;

/** Activation layer: {@code 1 / (1 + e^-x)}. No parameters; the shape is unchanged. */
public final class Sigmoid implements Layer {
    @Override
    public Variable forward(Variable input, ForwardContext context) {
        return input.sigmoid();
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    public String kind() {
        return "sigmoid";
    }
}
