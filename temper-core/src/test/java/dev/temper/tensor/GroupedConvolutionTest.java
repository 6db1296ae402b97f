package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Working through the batch a few images at a time gives the whole-batch result: forward (one GEMM per image or one
 * per group), and backward whose kernel
 * gradient is summed over groups (float64, so only the order of additions differs), for group sizes that divide
 * the batch and ones that leave a short last group. The whole-batch reference is the plain im2col formulation
 * written with tensor ops; the naive loops of {@code NaiveConvolution} check that formulation elsewhere.
 */
class GroupedConvolutionTest {

    private static void assertClose(Tensor expected, Tensor actual, String what) {
        assertEquals(expected.shape(), actual.shape(), what + ": shape");
        double worst = 0;
        for (int i = 0; i < expected.size(); i++) {
            worst = Math.max(worst, Math.abs(expected.getFlat(i) - actual.getFlat(i)) / Math.max(1, Math.abs(expected.getFlat(i))));
        }
        assertTrue(worst < 1e-12, what + ": largest relative difference " + worst);
    }

    private static void check(Conv2dGeometry g, int batch, int outChannels, long seed) {
        Rng rng = new Rng(seed);
        Tensor x = rng.normal(0f, 1f, batch, g.channels(), g.height(), g.width()).to(DType.FLOAT64);
        Tensor k = rng.normal(0f, 1f, outChannels, g.channels(), g.kernelHeight(), g.kernelWidth()).to(DType.FLOAT64);
        Tensor b = rng.normal(0f, 1f, outChannels).to(DType.FLOAT64);
        Tensor gy = rng.normal(0f, 1f, batch, outChannels, g.outHeight(), g.outWidth()).to(DType.FLOAT64);

        // whole batch: Y = K @ cols, dK = G @ cols^T, db = row sums of G, dx = col2im(K^T @ G)
        Tensor cols = Im2Col.columns(x, g);
        Tensor kRows = k.reshape(outChannels, g.patchSize());
        Tensor y = ConvLayout.toImages(kRows.matmul(cols), batch, g.outHeight(), g.outWidth(), b);
        Tensor rows = ConvLayout.toRows(gy);
        Tensor dk = rows.matmul(cols.transpose()).reshape(k.dims());
        Tensor db = rows.sum(false, 1);
        Tensor dx = Im2Col.image(kRows.transpose().matmul(rows), batch, g);

        for (int group : new int[] {1, 2, 3, batch}) {
            String what = g + ", batch " + batch + ", " + group + " per group";
            assertClose(y, GroupedConvolution.forward(x, k, b, g, group, true, false), what + ": output, one GEMM per image");
            assertClose(y, GroupedConvolution.forward(x, k, b, g, group, false, false), what + ": output, one GEMM per group");
            for (boolean perImage : new boolean[] {false, true}) {
                String how = what + (perImage ? ", image by image" : ", by groups");
                Convolution.Gradients d = GroupedConvolution.backward(x, k, gy, null, g, true, true, true, group, perImage);
                assertClose(dx, d.input(), how + ": input gradient");
                assertClose(dk, d.kernel(), how + ": kernel gradient");
                assertClose(db, d.bias(), how + ": bias gradient");
            }
        }
    }

    @Test
    void groupsOfADeepPatchAddUpToTheWholeBatch() {
        // patch 2*3*3 = 18 > 4 channels: plain GEMMs; same padding, stride 2, dilation 1x2
        check(Conv2dGeometry.of("deep", 2, 7, 8, 3, 3, 2, 2, 1, 2, Padding.same()), 7, 4, 31);
    }

    @Test
    void groupsOfAShallowPatchAddUpToTheWholeBatch() {
        // patch 1*2*2 = 4 < 6 channels: the transposed GEMMs; valid padding
        check(Conv2dGeometry.of("shallow", 1, 6, 5, 2, 2, 1, 1, 1, 1, Padding.valid()), 5, 6, 32);
    }

    @Test
    void groupSizeDependsOnTheMapSizeNotOnTheThreadCount() {
        Conv2dGeometry first = Conv2dGeometry.of("c1", 1, 28, 28, 5, 5, 1, 1, 1, 1, Padding.valid());
        Conv2dGeometry second = Conv2dGeometry.of("c2", 32, 12, 12, 5, 5, 1, 1, 1, 1, Padding.valid());
        int original = Parallel.threads();
        try {
            for (int t : new int[] {1, 2, 3}) {
                Parallel.setThreads(t);
                assertEquals(GroupedConvolution.GROUP_COLUMN_ENTRIES / (25 * 576), GroupedConvolution.groupSize(first, 128));
                assertEquals(Math.max(1, GroupedConvolution.GROUP_COLUMN_ENTRIES / (800 * 64)), GroupedConvolution.groupSize(second, 128));
                assertEquals(3, GroupedConvolution.groupSize(first, 3), "never more than the batch");
            }
        } finally {
            Parallel.setThreads(original);
        }
    }
}
