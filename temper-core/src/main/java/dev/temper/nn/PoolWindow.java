package dev.temper.nn;

import dev.temper.tensor.Conv2dGeometry;
import dev.temper.tensor.Padding;
import dev.temper.tensor.Shape;
import java.util.Arrays;

/** The window of a pooling layer (size and stride, valid padding), checked once and shared by max and average pooling. */
final class PoolWindow {
    private final String layer;
    private final int[] size;
    private final int[] stride;

    PoolWindow(String layer, int[] size, int[] stride) {
        this.layer = layer;
        this.size = pair(layer, "poolSize", size);
        this.stride = pair(layer, "stride", stride);
    }

    private static int[] pair(String layer, String name, int[] values) {
        if (values == null || values.length != 2 || values[0] < 1 || values[1] < 1) {
            throw new IllegalArgumentException(layer + ": " + name + " must be two integers >= 1 (height, width), got " + Arrays.toString(values));
        }
        return values.clone();
    }

    /** Geometry for a batched input {@code [batch, channels, height, width]}. */
    Conv2dGeometry geometry(Shape batched) {
        if (batched.rank() != 4) {
            throw new IllegalArgumentException(layer + ": expected input [batch, channels, height, width], got " + batched);
        }
        return of(batched.dim(1), batched.dim(2), batched.dim(3));
    }

    Shape outputShape(Shape image) {
        if (image.rank() != 3) {
            throw new IllegalArgumentException(layer + ": expected input shape [channels, height, width], got " + image);
        }
        Conv2dGeometry g = of(image.dim(0), image.dim(1), image.dim(2));
        return Shape.of(g.channels(), g.outHeight(), g.outWidth());
    }

    private Conv2dGeometry of(int channels, int height, int width) {
        return Conv2dGeometry.of(layer + "(" + size[0] + "x" + size[1] + ")", channels, height, width, size[0], size[1],
                stride[0], stride[1], 1, 1, Padding.valid());
    }
}
