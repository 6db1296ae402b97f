package dev.temper.nn;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;

/** Activation layer: {@code softmax along the last axis}. No parameters; the shape is unchanged. */
public final class Softmax implements Layer {
    @Override
    public Variable forward(Variable input, ForwardContext context) {
        return input.softmax();
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    public String kind() {
        return "softmax";
    }
}
