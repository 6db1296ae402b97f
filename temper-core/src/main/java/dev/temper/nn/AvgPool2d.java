package dev.temper.nn;

import dev.temper.autograd.AveragePooling2d;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;

/**
 * 2-D average pooling on {@code [batch, channels, height, width]} with valid padding (Keras's
 * {@code AveragePooling2D}, PyTorch's {@code AvgPool2d}); the stride defaults to the pool size.
 */
public final class AvgPool2d implements Layer {
    private final PoolWindow window;

    /** A {@code size x size} pool with stride {@code size}. */
    public AvgPool2d(int size) {
        this(new int[] {size, size}, new int[] {size, size});
    }

    public AvgPool2d(int[] poolSize, int[] stride) {
        this.window = new PoolWindow("AvgPool2d", poolSize, stride);
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        return AveragePooling2d.apply(input, window.geometry(input.shape()));
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return window.outputShape(inputShape);
    }

    @Override
    public String kind() {
        return "avgpool2d";
    }
}
