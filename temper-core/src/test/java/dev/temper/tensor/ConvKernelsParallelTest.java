package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The convolution and pooling kernels give bit-identical results for 1, 2 and 3 threads (GEMM, which OpenBLAS
 * may split by thread count, is not part of these kernels). The thread count is restored afterwards.
 */
class ConvKernelsParallelTest {
    private static final int[] THREAD_COUNTS = {1, 2, 3};

    private static void assertSameForEveryThreadCount(Supplier<Tensor> work, String what) {
        int original = Parallel.threads();
        Tensor first = null;
        try {
            for (int t : THREAD_COUNTS) {
                Parallel.setThreads(t);
                Tensor r = work.get();
                if (first == null) {
                    first = r;
                } else {
                    assertTrue(first.contentEquals(r), what + " differs between 1 and " + t + " threads");
                }
            }
        } finally {
            Parallel.setThreads(original);
        }
    }

    @Test
    void im2colCol2imLayoutAndPoolingDoNotDependOnTheThreadCount() {
        Rng rng = new Rng(11);
        Tensor x = rng.normal(0f, 1f, 37, 3, 13, 11);
        // overlapping taps (stride 1, 3x3, dilation 2, same padding): col2im adds several values per pixel
        Conv2dGeometry g = Conv2dGeometry.of("test", 3, 13, 11, 3, 3, 1, 1, 2, 2, Padding.same());
        Tensor col = Im2Col.columns(x, g);
        assertSameForEveryThreadCount(() -> Im2Col.columns(x, g), "im2col");
        assertSameForEveryThreadCount(() -> Im2Col.image(col, 37, g), "col2im");
        Tensor rows = rng.normal(0f, 1f, 5, 37 * 13 * 11);
        Tensor bias = rng.normal(0f, 1f, 5);
        assertSameForEveryThreadCount(() -> ConvLayout.toImages(rows, 37, 13, 11, bias), "rows to images");
        Tensor images = ConvLayout.toImages(rows, 37, 13, 11, bias);
        Tensor transposedView = rows.transpose().copy().transpose(); // the layout of the shallow-patch GEMM's product
        assertTrue(images.contentEquals(ConvLayout.toImages(transposedView, 37, 13, 11, bias)), "transposed input read in place");
        assertSameForEveryThreadCount(() -> ConvLayout.toImages(transposedView, 37, 13, 11, bias), "transposed rows to images");
        assertSameForEveryThreadCount(() -> ConvLayout.toRows(images), "images to rows");
        assertSameForEveryThreadCount(() -> ConvLayout.rowSums(rows), "row sums (bias gradient)");
        assertEquals(rows.sum(false, 1).get(3), ConvLayout.rowSums(rows).get(3), 1e-3);
        Conv2dGeometry pool = Conv2dGeometry.of("pool", 3, 13, 11, 3, 3, 2, 2, 1, 1, Padding.valid());
        int[] argmax = new int[37 * 3 * 6 * 5];
        Tensor pooled = MaxPooling.forward(x, pool, argmax);
        assertSameForEveryThreadCount(() -> MaxPooling.forward(x, pool, new int[argmax.length]), "max pooling");
        assertSameForEveryThreadCount(() -> MaxPooling.backward(pooled, argmax, pool), "max pooling backward");
        assertSameForEveryThreadCount(() -> AveragePooling.forward(x, pool), "average pooling");
        assertSameForEveryThreadCount(() -> AveragePooling.backward(pooled, pool), "average pooling backward");
    }

    @Test
    void col2imIsTheAdjointOfIm2col() {
        // <im2col(x), c> == <x, col2im(c)> for any x and c: the defining property of a correct backward pass
        Rng rng = new Rng(12);
        Conv2dGeometry g = Conv2dGeometry.of("test", 2, 9, 8, 3, 2, 2, 1, 1, 2, Padding.of(1, 2, 0, 1));
        Tensor x = rng.normal(0f, 1f, 3, 2, 9, 8).to(DType.FLOAT64);
        Tensor c = rng.normal(0f, 1f, g.patchSize(), 3 * g.outPositions()).to(DType.FLOAT64);
        double left = Im2Col.columns(x, g).mul(c).sum().item();
        double right = x.mul(Im2Col.image(c, 3, g)).sum().item();
        assertEquals(left, right, 1e-10 * Math.max(1, Math.abs(left)));
    }

    @Test
    void float32Col2imIsTheAdjointOfIm2colAcrossTheEightWideRowPath() {
        // stride 1: rows are copied and added eight floats at a time plus a tail; an output width of 11 takes both
        Rng rng = new Rng(13);
        Conv2dGeometry g = Conv2dGeometry.of("test", 3, 9, 15, 3, 5, 1, 1, 1, 1, Padding.valid());
        Tensor x = rng.normal(0f, 1f, 2, 3, 9, 15);
        Tensor c = rng.normal(0f, 1f, g.patchSize(), 2 * g.outPositions());
        double left = Im2Col.columns(x, g).to(DType.FLOAT64).mul(c.to(DType.FLOAT64)).sum().item();
        double right = x.to(DType.FLOAT64).mul(Im2Col.image(c, 2, g).to(DType.FLOAT64)).sum().item();
        assertEquals(11, g.outWidth());
        assertEquals(left, right, 1e-4 * Math.max(1, Math.abs(left)));
        // and im2col copies exactly: column (tap 0,0; position 0,0..10) is the first 11 pixels of row 0
        Tensor cols = Im2Col.columns(x, g);
        for (int ox = 0; ox < 11; ox++) {
            assertEquals(x.get(0, 0, 0, ox), cols.get(0, ox));
            assertEquals(x.get(1, 2, 8, 14 - 10 + ox), cols.get(g.patchSize() - 1, 2 * g.outPositions() - 11 + ox));
        }
    }
}
