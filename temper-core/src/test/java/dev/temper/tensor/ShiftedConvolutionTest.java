package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The shifted-GEMM convolution (float32, channels-last) against the im2col convolution in float64 on the same
 * numbers: output, input, kernel and bias gradients, for padding on every side, dilation, non-square kernels and
 * images, 1x1 kernels, and the kernel gradient cut into many chunks. Also: it gives the same bits for 1, 2 and 3
 * threads, and {@link Convolution} picks it only where it applies.
 */
class ShiftedConvolutionTest {

    /** Largest difference relative to the reference's largest magnitude: float32 sums of a few hundred terms. */
    private static void assertClose(Tensor reference, Tensor actual, String what) {
        assertEquals(reference.shape(), actual.shape(), what + ": shape");
        double scale = 0;
        double worst = 0;
        for (int i = 0; i < reference.size(); i++) {
            scale = Math.max(scale, Math.abs(reference.getFlat(i)));
            worst = Math.max(worst, Math.abs(reference.getFlat(i) - actual.getFlat(i)));
        }
        assertTrue(scale > 0, what + ": the reference is all zeros, so the comparison would prove nothing");
        assertTrue(worst <= 2e-6 * scale, what + ": largest difference " + worst + " against a largest value of " + scale);
    }

    private static void check(Conv2dGeometry g, int batch, int outChannels, long seed, int unfoldChunkFloats) {
        Rng rng = new Rng(seed);
        Tensor x = rng.normal(0f, 1f, batch, g.channels(), g.height(), g.width());
        Tensor k = rng.normal(0f, 1f, outChannels, g.channels(), g.kernelHeight(), g.kernelWidth());
        Tensor b = rng.normal(0f, 1f, outChannels);
        Tensor gy = rng.normal(0f, 1f, batch, outChannels, g.outHeight(), g.outWidth());
        assertTrue(ShiftedConvolution.suits(g, batch, outChannels, DType.FLOAT32), g + " should take the shifted path");
        Tensor y64 = GroupedConvolution.forward(x.to(DType.FLOAT64), k.to(DType.FLOAT64), b.to(DType.FLOAT64), g);
        Convolution.Gradients d64 = GroupedConvolution.backward(x.to(DType.FLOAT64), k.to(DType.FLOAT64), gy.to(DType.FLOAT64),
                g, true, true, true);
        String what = g + ", batch " + batch + ", " + outChannels + " out";
        assertClose(y64, ShiftedConvolution.forward(x, k, b, g, false), what + ": output");
        Convolution.Gradients d = ShiftedConvolution.backward(x, k, gy, null, g, true, true, true, unfoldChunkFloats);
        assertClose(d64.input(), d.input(), what + ": input gradient");
        assertClose(d64.kernel(), d.kernel(), what + ": kernel gradient");
        assertClose(d64.bias(), d.bias(), what + ": bias gradient");
        // each gradient alone is the same as when all three are asked for
        assertTrue(d.kernel().contentEquals(ShiftedConvolution.backward(x, k, gy, null, g, false, true, false, unfoldChunkFloats).kernel()));
        assertTrue(d.input().contentEquals(ShiftedConvolution.backward(x, k, gy, null, g, true, false, false, unfoldChunkFloats).input()));
    }

    @Test
    void validPaddingLikeTheBenchmarkCnnsSecondLayer() {
        check(Conv2dGeometry.of("valid", 16, 9, 10, 5, 5, 1, 1, 1, 1, Padding.valid()), 13, 24, 1, ShiftedConvolution.UNFOLD_CHUNK_FLOATS);
    }

    @Test
    void samePaddingDilationAndANonSquareKernel() {
        // 3x2 kernel, dilation 2x1, 'same': padding on the top and bottom, left only (even kernel width)
        check(Conv2dGeometry.of("same", 17, 7, 11, 3, 2, 1, 1, 2, 1, Padding.same()), 9, 16, 2, ShiftedConvolution.UNFOLD_CHUNK_FLOATS);
    }

    @Test
    void explicitUnevenPaddingWiderThanTheKernelReach() {
        // 2 rows of padding at the bottom and 3 columns at the left: some taps of the edge rows read only padding
        check(Conv2dGeometry.of("uneven", 16, 6, 5, 3, 3, 1, 1, 1, 1, Padding.of(0, 2, 3, 1)), 16, 20, 3, ShiftedConvolution.UNFOLD_CHUNK_FLOATS);
    }

    @Test
    void oneByOneKernel() {
        check(Conv2dGeometry.of("1x1", 32, 4, 4, 1, 1, 1, 1, 1, 1, Padding.valid()), 20, 16, 4, ShiftedConvolution.UNFOLD_CHUNK_FLOATS);
    }

    @Test
    void kernelGradientInManyChunks() {
        Conv2dGeometry g = Conv2dGeometry.of("chunks", 16, 12, 9, 3, 3, 1, 1, 1, 1, Padding.same());
        long perInputRow = (long) g.outWidth() * 8 * 3 * 16;
        int limit = (int) (4 * perInputRow); // room for two output rows and their two extra input rows
        assertEquals(2, ShiftedConvolution.chunkRows(g.outHeight(), 2, perInputRow, limit));
        assertEquals(6, ShiftedConvolution.chunkRows(g.outHeight(), 2, perInputRow, Integer.MAX_VALUE), "two chunks when memory allows");
        check(g, 8, 16, 5, limit);
    }

    @Test
    void sameBitsForOneTwoAndThreeThreads() {
        Rng rng = new Rng(6);
        Conv2dGeometry g = Conv2dGeometry.of("threads", 16, 10, 10, 3, 3, 1, 1, 1, 1, Padding.same());
        Tensor x = rng.normal(0f, 1f, 12, 16, 10, 10);
        Tensor k = rng.normal(0f, 1f, 32, 16, 3, 3);
        Tensor b = rng.normal(0f, 1f, 32);
        Tensor gy = rng.normal(0f, 1f, 12, 32, 10, 10);
        int original = Parallel.threads();
        Tensor[] first = null;
        try {
            for (int t : new int[] {1, 2, 3}) {
                Parallel.setThreads(t);
                Convolution.Gradients d = ShiftedConvolution.backward(x, k, gy, null, g, true, true, true);
                Tensor[] now = {ShiftedConvolution.forward(x, k, b, g, false), d.input(), d.kernel(), d.bias()};
                if (first == null) {
                    first = now;
                } else {
                    for (int i = 0; i < now.length; i++) {
                        assertTrue(first[i].contentEquals(now[i]), "result " + i + " differs between 1 and " + t + " threads");
                    }
                }
            }
        } finally {
            Parallel.setThreads(original);
        }
    }

    @Test
    void usedOnlyForStrideOneFloat32WithEnoughChannelsAndRows() {
        Conv2dGeometry plain = Conv2dGeometry.of("plain", 32, 12, 12, 5, 5, 1, 1, 1, 1, Padding.valid());
        assertTrue(ShiftedConvolution.suits(plain, 128, 64, DType.FLOAT32));
        assertFalse(ShiftedConvolution.suits(plain, 128, 64, DType.FLOAT64), "float64 (gradient checks) takes im2col");
        assertFalse(ShiftedConvolution.suits(Conv2dGeometry.of("strided", 32, 12, 12, 5, 5, 2, 2, 1, 1, Padding.valid()), 128, 64,
                DType.FLOAT32), "stride 2");
        assertFalse(ShiftedConvolution.suits(Conv2dGeometry.of("grey", 1, 28, 28, 5, 5, 1, 1, 1, 1, Padding.valid()), 128, 32,
                DType.FLOAT32), "one input channel");
        assertFalse(ShiftedConvolution.suits(plain, 128, 8, DType.FLOAT32), "eight output channels");
        assertFalse(ShiftedConvolution.suits(plain, 2, 64, DType.FLOAT32), "16 rows per GEMM");
        // and the public entry point gives the shifted path's bits where it applies
        Rng rng = new Rng(7);
        Tensor x = rng.normal(0f, 1f, 16, 32, 12, 12);
        Tensor k = rng.normal(0f, 1f, 64, 32, 5, 5);
        assertTrue(ShiftedConvolution.forward(x, k, null, plain, false).contentEquals(Convolution.forward(x, k, null, plain)));
    }
}
