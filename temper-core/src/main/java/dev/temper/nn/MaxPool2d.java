package dev.temper.nn;

import dev.temper.autograd.MaxPooling2d;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Conv2dGeometry;
import dev.temper.tensor.Shape;

/**
 * 2-D max pooling on {@code [batch, channels, height, width]} with valid padding (Keras's {@code MaxPooling2D},
 * PyTorch's {@code MaxPool2d}); the stride defaults to the pool size. The gradient goes to each window's maximum,
 * the first in row-major order on ties.
 */
public final class MaxPool2d implements Layer {
    private final PoolWindow window;

    /** A {@code size x size} pool with stride {@code size}. */
    public MaxPool2d(int size) {
        this(new int[] {size, size}, new int[] {size, size});
    }

    public MaxPool2d(int[] poolSize, int[] stride) {
        this.window = new PoolWindow("MaxPool2d", poolSize, stride);
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        return MaxPooling2d.apply(input, window.geometry(input.shape()));
    }

    /** The pooling windows over a {@code [batch, channels, height, width]} input of this shape. */
    public Conv2dGeometry geometry(Shape input) {
        return window.geometry(input);
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return window.outputShape(inputShape);
    }

    @Override
    public String kind() {
        return "maxpool2d";
    }
}
