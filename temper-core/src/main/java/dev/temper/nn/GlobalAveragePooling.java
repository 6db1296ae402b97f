package dev.temper.nn;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;

/**
 * Mean over the spatial axes: {@code [batch, channels, height, width] -> [batch, channels]} (Keras's
 * {@code GlobalAveragePooling2D}, PyTorch's {@code AdaptiveAvgPool2d(1)} then flatten).
 */
public final class GlobalAveragePooling implements Layer {
    @Override
    public Variable forward(Variable input, ForwardContext context) {
        if (input.shape().rank() != 4) {
            throw new IllegalArgumentException("GlobalAveragePooling: expected input [batch, channels, height, width], got " + input.shape());
        }
        return input.mean(false, 2, 3);
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        if (inputShape.rank() != 3) {
            throw new IllegalArgumentException("GlobalAveragePooling: expected input shape [channels, height, width], got " + inputShape);
        }
        return Shape.of(inputShape.dim(0));
    }

    @Override
    public String kind() {
        return "globalaveragepooling";
    }
}
