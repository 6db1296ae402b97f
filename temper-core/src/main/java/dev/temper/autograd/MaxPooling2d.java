package dev.temper.autograd;

import dev.temper.tensor.Conv2dGeometry;
import dev.temper.tensor.MaxPooling;
import dev.temper.tensor.Tensor;

/**
 * 2-D max pooling of {@code x [N, C, H, W]} over the windows of {@code g} (no padding). Backward routes each output
 * gradient to its window's maximum, the first one in row-major order on ties (see {@link MaxPooling}).
 */
public final class MaxPooling2d {
    private MaxPooling2d() {}

    public static Variable apply(Variable x, Conv2dGeometry g) {
        int[] argmax = new int[x.shape().dim(0) * g.channels() * g.outPositions()];
        Tensor y = MaxPooling.forward(x.value(), g, argmax);
        return Variable.fromOp(y, grad -> x.accumulateGrad(MaxPooling.backward(grad, argmax, g)), x);
    }
}
