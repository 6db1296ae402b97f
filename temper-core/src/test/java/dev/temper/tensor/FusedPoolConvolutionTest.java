package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Convolution, ReLU and max pooling fused (image by image, or as the shifted GEMMs' rows move to images) give the
 * same bits as the three kernels in turn, forward (pooled values and argmax) and backward (max pooling's gradient,
 * then ReLU's mask, then the convolution's), for plain and overlapping pools, float32 and float64.
 */
class FusedPoolConvolutionTest {

    private static void check(DType type, Conv2dGeometry g, int batch, int outChannels, int poolSize, int poolStride) {
        Rng rng = new Rng(51);
        Tensor x = rng.normal(0f, 1f, batch, g.channels(), g.height(), g.width()).to(type);
        Tensor k = rng.normal(0f, 1f, outChannels, g.channels(), g.kernelHeight(), g.kernelWidth()).to(type);
        Tensor b = rng.normal(0f, 1f, outChannels).to(type);
        Conv2dGeometry pool = Conv2dGeometry.of("pool", outChannels, g.outHeight(), g.outWidth(), poolSize, poolSize,
                poolStride, poolStride, 1, 1, Padding.valid());
        assertTrue(Convolution.fusesPooling(g, batch, outChannels, type));
        String what = type + ", pool " + poolSize + "/" + poolStride;

        Tensor y = Convolution.forward(x, k, b, g, true);
        int[] argmax = new int[batch * outChannels * pool.outPositions()];
        Tensor pooled = MaxPooling.forward(y, pool, argmax);
        int[] fusedArgmax = new int[argmax.length];
        Tensor fused = Convolution.forwardReluPool(x, k, b, g, pool, fusedArgmax);
        assertTrue(pooled.contentEquals(fused), what + ": pooled output");
        assertArrayEquals(argmax, fusedArgmax, what + ": argmax");

        Tensor gp = rng.normal(0f, 1f, pooled.dims()).to(type);
        Convolution.Gradients reference = Convolution.backward(x, k, MaxPooling.backward(gp, argmax, pool), y, g, true, true, true);
        Convolution.Gradients d = Convolution.backwardReluPool(x, k, gp, fused, fusedArgmax, g, pool, true, true, true);
        assertTrue(reference.input().contentEquals(d.input()), what + ": input gradient");
        assertTrue(reference.kernel().contentEquals(d.kernel()), what + ": kernel gradient");
        assertTrue(reference.bias().contentEquals(d.bias()), what + ": bias gradient");
    }

    @Test
    void sameBitsAsConvolutionReluAndPoolingInTurn() {
        Conv2dGeometry g = Conv2dGeometry.of("conv", 2, 13, 12, 3, 3, 1, 1, 1, 1, Padding.same());
        for (DType type : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            check(type, g, 11, 6, 2, 2);
            check(type, g, 11, 6, 3, 2); // overlapping windows: several pooled gradients reach one maximum
        }
        // the benchmark CNN's first layer on a short batch
        check(DType.FLOAT32, Conv2dGeometry.of("conv 1", 1, 28, 28, 5, 5, 1, 1, 1, 1, Padding.valid()), 5, 32, 2, 2);
    }

    @Test
    void shiftedGemmsPooledAsTheirRowsMoveToImages() {
        Conv2dGeometry g = Conv2dGeometry.of("shifted", 16, 10, 11, 3, 3, 1, 1, 1, 1, Padding.same());
        assertTrue(ShiftedConvolution.suits(g, 9, 16, DType.FLOAT32));
        check(DType.FLOAT32, g, 9, 16, 2, 2);
        check(DType.FLOAT32, g, 9, 16, 3, 2);
        // the benchmark CNN's second layer on a short batch
        check(DType.FLOAT32, Conv2dGeometry.of("conv 2", 32, 12, 12, 5, 5, 1, 1, 1, 1, Padding.valid()), 8, 64, 2, 2);
    }

    @Test
    void notForLargeProductsByGroups() {
        Conv2dGeometry large = Conv2dGeometry.of("large", 16, 64, 64, 5, 5, 2, 2, 1, 1, Padding.same());
        assertFalse(Convolution.fusesPooling(large, 8, 32, DType.FLOAT32), "products too large for one image at a time");
        Rng rng = new Rng(52);
        Tensor x = rng.normal(0f, 1f, 8, 16, 64, 64);
        Tensor k = rng.normal(0f, 1f, 32, 16, 5, 5);
        Conv2dGeometry pool = Conv2dGeometry.of("pool", 32, 32, 32, 2, 2, 2, 2, 1, 1, Padding.valid());
        assertThrows(IllegalArgumentException.class, () -> Convolution.forwardReluPool(x, k, null, large, pool, new int[8 * 32 * 256]));
    }
}
