package dev.temper.autograd;

import dev.temper.tensor.AveragePooling;
import dev.temper.tensor.Conv2dGeometry;

/**
 * 2-D average pooling of {@code x [N, C, H, W]} over the windows of {@code g} (no padding):
 * {@code y = mean of the kh x kw window}; backward gives every element of a window {@code g / (kh * kw)}.
 */
public final class AveragePooling2d {
    private AveragePooling2d() {}

    public static Variable apply(Variable x, Conv2dGeometry g) {
        return Variable.fromOp(AveragePooling.forward(x.value(), g),
                grad -> x.accumulateGrad(AveragePooling.backward(grad, g)), x);
    }
}
