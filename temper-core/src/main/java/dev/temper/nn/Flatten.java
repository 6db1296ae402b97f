package dev.temper.nn;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;

/** Keeps the batch axis and joins all others, in row-major order: {@code [batch, d1, d2, ...] -> [batch, d1*d2*...]}. */
public final class Flatten implements Layer {
    @Override
    public Variable forward(Variable input, ForwardContext context) {
        if (input.shape().rank() < 1) {
            throw new IllegalArgumentException("Flatten: expected input [batch, ...], got a scalar");
        }
        int batch = input.shape().dim(0);
        return input.reshape(batch, batch == 0 ? 0 : input.value().size() / batch);
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return Shape.of(inputShape.size());
    }

    @Override
    public String kind() {
        return "flatten";
    }
}
