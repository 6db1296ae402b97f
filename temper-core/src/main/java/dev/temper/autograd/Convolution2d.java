package dev.temper.autograd;

import dev.temper.tensor.Conv2dGeometry;
import dev.temper.tensor.Convolution;
import dev.temper.tensor.GroupedConvolution;
import dev.temper.tensor.Tensor;

/**
 * 2-D convolution (cross-correlation, as in every deep-learning library) of {@code x [N, C, H, W]} with
 * {@code kernel [OC, C, kh, kw]} plus {@code bias [OC]} (may be null):
 * {@code y[n, o, oy, ox] = b[o] + sum_{c,i,j} k[o, c, i, j] * x[n, c, oy*sh - pt + i*dh, ox*sw - pl + j*dw]}, reading
 * 0 outside the image (PyTorch's {@code torch.nn.functional.conv2d}).
 *
 * <p>Computed by {@link Convolution}: shifted GEMMs on a channels-last copy for stride 1, else im2col plus GEMM, a
 * few images at a time ({@link GroupedConvolution}). In the im2col form, backward, with {@code G} the
 * output gradient in the GEMM's layout: {@code dK = G @ cols^T}, {@code db = sum over columns of G},
 * {@code dx = col2im(K^T @ G)} (skipped when x needs no gradient, e.g. the network's input). The backward pass
 * keeps only {@code x} and the kernel, and unfolds {@code x} again.
 */
public final class Convolution2d {
    private Convolution2d() {}

    public static Variable apply(Variable x, Variable kernel, Variable bias, Conv2dGeometry g) {
        return apply(x, kernel, bias, g, false);
    }

    /**
     * With {@code relu}: {@code max(conv(x), 0)} as one op, the ReLU applied as the output is written and its
     * gradient mask as the output gradient is read ({@link Convolution} says why); the same values and gradients as
     * {@code apply(x, kernel, bias, g).relu()}.
     */
    public static Variable apply(Variable x, Variable kernel, Variable bias, Conv2dGeometry g, boolean relu) {
        Tensor k = kernel.value();
        Tensor y = Convolution.forward(x.value(), k, bias == null ? null : bias.value(), g, relu);
        Variable[] inputs = bias == null ? new Variable[] {x, kernel} : new Variable[] {x, kernel, bias};
        return Variable.fromOp(y, grad -> {
            boolean wantBias = bias != null && bias.requiresGrad();
            Convolution.Gradients d = Convolution.backward(x.value(), k, grad, relu ? y : null, g,
                    x.requiresGrad(), kernel.requiresGrad(), wantBias);
            accumulate(d, x, kernel, bias);
        }, inputs);
    }

    /**
     * {@code maxPool(max(conv(x), 0))} over {@code pool} as one op, for geometries where
     * {@link Convolution#fusesPooling} holds: the same values and gradients as the three ops in turn, without the
     * unpooled output.
     */
    public static Variable applyWithReluAndPool(Variable x, Variable kernel, Variable bias, Conv2dGeometry g, Conv2dGeometry pool) {
        Tensor k = kernel.value();
        int[] argmax = new int[x.shape().dim(0) * k.dim(0) * pool.outPositions()];
        Tensor y = Convolution.forwardReluPool(x.value(), k, bias == null ? null : bias.value(), g, pool, argmax);
        Variable[] inputs = bias == null ? new Variable[] {x, kernel} : new Variable[] {x, kernel, bias};
        return Variable.fromOp(y, grad -> {
            boolean wantBias = bias != null && bias.requiresGrad();
            accumulate(Convolution.backwardReluPool(x.value(), k, grad, y, argmax, g, pool,
                    x.requiresGrad(), kernel.requiresGrad(), wantBias), x, kernel, bias);
        }, inputs);
    }

    private static void accumulate(Convolution.Gradients d, Variable x, Variable kernel, Variable bias) {
        if (d.kernel() != null) {
            kernel.accumulateGrad(d.kernel());
        }
        if (d.bias() != null) {
            bias.accumulateGrad(d.bias());
        }
        if (d.input() != null) {
            x.accumulateGrad(d.input());
        }
    }
}
