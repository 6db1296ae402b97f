package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Matrix products against a naive triple loop written here, on every operand layout the GEMM call has to
 * handle: contiguous, transposed views (passed as transpose flags), views with a row stride wider than the row
 * (passed as a leading dimension), views that fit neither (copied), and broadcast batch dimensions. The
 * engine's GEMM is {@link Backend#blas()}; {@link BlasImplementationsAgreeTest} runs both implementations on the
 * raw GEMM calls.
 */
class MatMulTest {

    private static Tensor random(Rng rng, DType dtype, int... shape) {
        Tensor t = Tensor.zeros(dtype, shape);
        for (int i = 0; i < t.size(); i++) {
            t.setFlat(i, rng.nextDouble() * 2 - 1);
        }
        return t;
    }

    /** Naive batched matrix product in double; batch dimensions broadcast NumPy-style. */
    private static double[] naiveMatmul(Tensor a, Tensor b, int[] expectedDims) {
        int m = a.dim(-2);
        int k = a.dim(-1);
        int n = b.dim(-1);
        int batchRank = expectedDims.length - 2;
        int batches = 1;
        for (int i = 0; i < batchRank; i++) {
            batches *= expectedDims[i];
        }
        double[] out = new double[batches * m * n];
        int[] batchIndex = new int[batchRank];
        for (int batch = 0; batch < batches; batch++) {
            int rest = batch;
            for (int i = batchRank - 1; i >= 0; i--) {
                batchIndex[i] = rest % expectedDims[i];
                rest /= expectedDims[i];
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double acc = 0;
                    for (int p = 0; p < k; p++) {
                        acc += a.get(index(a, batchIndex, i, p)) * b.get(index(b, batchIndex, p, j));
                    }
                    out[(batch * m + i) * n + j] = acc;
                }
            }
        }
        return out;
    }

    /** Full index into {@code t} for output batch {@code batchIndex} and matrix element (row, col). */
    private static int[] index(Tensor t, int[] batchIndex, int row, int col) {
        int[] index = new int[t.rank()];
        int tBatch = t.rank() - 2;
        int lead = batchIndex.length - tBatch;
        for (int i = 0; i < tBatch; i++) {
            index[i] = t.dim(i) == 1 ? 0 : batchIndex[lead + i];
        }
        index[tBatch] = row;
        index[tBatch + 1] = col;
        return index;
    }

    private static double tolerance(DType dtype, int k) {
        return dtype == DType.FLOAT32 ? 1e-6 * (k + 1) : 1e-14 * (k + 1);
    }

    private static void assertMatmul(Tensor a, Tensor b, int[] expectedDims, String what) {
        Tensor y = a.matmul(b);
        assertArrayEquals(expectedDims, y.dims(), what + ": shape");
        assertEquals(a.dtype(), y.dtype(), what + ": type");
        double[] expected = naiveMatmul(a, b, expectedDims);
        double[] got = y.toDoubleArray();
        double tol = tolerance(a.dtype(), a.dim(-1));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], tol, what + ": element " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void twoDimensionalProductMatchesTheNaiveLoop(DType dtype) {
        Rng rng = new Rng(1);
        assertMatmul(random(rng, dtype, 3, 4), random(rng, dtype, 4, 5), new int[] {3, 5}, "3x4 @ 4x5");
        assertMatmul(random(rng, dtype, 37, 53), random(rng, dtype, 53, 29), new int[] {37, 29}, "37x53 @ 53x29");
        assertMatmul(random(rng, dtype, 1, 4), random(rng, dtype, 4, 5), new int[] {1, 5}, "row vector");
        assertMatmul(random(rng, dtype, 3, 4), random(rng, dtype, 4, 1), new int[] {3, 1}, "column vector");
        assertMatmul(random(rng, dtype, 1, 1), random(rng, dtype, 1, 1), new int[] {1, 1}, "1x1");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void transposedViewsOnEitherSideArePassedAsTransposeFlags(DType dtype) {
        Rng rng = new Rng(2);
        Tensor aT = random(rng, dtype, 4, 3).transpose(); // [3, 4], strides (1, 3)
        Tensor bT = random(rng, dtype, 5, 4).transpose(); // [4, 5], strides (1, 4)
        Tensor a = random(rng, dtype, 3, 4);
        Tensor b = random(rng, dtype, 4, 5);
        assertFalse(aT.isContiguous() || bT.isContiguous());

        assertMatmul(aT, b, new int[] {3, 5}, "A transposed");
        assertMatmul(a, bT, new int[] {3, 5}, "B transposed");
        assertMatmul(aT, bT, new int[] {3, 5}, "both transposed");
        // a transposed matrix whose row stride is wider than its rows: transpose flag plus leading dimension
        Tensor wide = random(rng, dtype, 6, 7).narrow(1, 1, 3).narrow(0, 2, 4).transpose(); // [3, 4]
        assertMatmul(wide, bT, new int[] {3, 5}, "transposed narrowed view");
        // a single transposed row: rows == 1, so either layout is valid
        Tensor oneRow = random(rng, dtype, 4, 6).transpose().narrow(0, 2, 1); // [1, 4], strides (1, 6)
        assertMatmul(oneRow, b, new int[] {1, 5}, "one row of a transposed view");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void narrowedViewsAndRowBlocksUseOffsetsAndLeadingDimensions(DType dtype) {
        Rng rng = new Rng(3);
        Tensor aCols = random(rng, dtype, 3, 7).narrow(1, 2, 4); // [3, 4], row stride 7
        Tensor bCols = random(rng, dtype, 4, 9).narrow(1, 3, 5); // [4, 5], row stride 9
        Tensor aRows = random(rng, dtype, 10, 4).rows(3, 6); // [3, 4] at offset 12
        Tensor bRows = random(rng, dtype, 6, 5).narrow(0, 1, 4); // [4, 5] at offset 5

        assertMatmul(aCols, bRows, new int[] {3, 5}, "narrowed columns of A");
        assertMatmul(aRows, bCols, new int[] {3, 5}, "narrowed columns of B");
        assertMatmul(aCols, bCols, new int[] {3, 5}, "narrowed columns on both sides");
        assertMatmul(aCols.transpose().transpose(), bCols, new int[] {3, 5}, "double transpose is no transpose");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void viewsThatFitNoGemmLayoutAreCopiedFirst(DType dtype) {
        Rng rng = new Rng(4);
        // [4, 3, 2] with axes 0 and 2 swapped: each [3, 4] matrix has strides (2, 6), neither of them 1.
        Tensor a = random(rng, dtype, 4, 3, 2).transpose(0, 2);
        Tensor b = random(rng, dtype, 5, 4, 2).transpose(0, 2); // [2, 4, 5], strides (2, 8)
        assertArrayEquals(new int[] {2, 3, 4}, a.dims());
        assertArrayEquals(new int[] {2, 4, 5}, b.dims());

        assertMatmul(a, b, new int[] {2, 3, 5}, "both need a copy");
        assertMatmul(a, random(rng, dtype, 2, 4, 5), new int[] {2, 3, 5}, "A needs a copy");
        assertMatmul(random(rng, dtype, 2, 3, 4), b, new int[] {2, 3, 5}, "B needs a copy");
        assertMatmul(a, random(rng, dtype, 4, 5), new int[] {2, 3, 5}, "non-contiguous stack times a matrix");
        // the copy must not write back into the view's storage
        Tensor before = a.copy();
        a.matmul(b);
        assertTrue(before.contentEquals(a));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void batchedProductsBroadcastTheirBatchDimensions(DType dtype) {
        Rng rng = new Rng(5);
        assertMatmul(random(rng, dtype, 2, 3, 4), random(rng, dtype, 2, 4, 5), new int[] {2, 3, 5}, "[2,3,4]@[2,4,5]");
        assertMatmul(random(rng, dtype, 3, 4), random(rng, dtype, 2, 4, 5), new int[] {2, 3, 5}, "[3,4]@[2,4,5]");
        assertMatmul(random(rng, dtype, 2, 3, 4), random(rng, dtype, 4, 5), new int[] {2, 3, 5}, "[2,3,4]@[4,5]");
        assertMatmul(random(rng, dtype, 2, 1, 3, 4), random(rng, dtype, 3, 4, 5), new int[] {2, 3, 3, 5},
                "[2,1,3,4]@[3,4,5]");
        assertMatmul(random(rng, dtype, 1, 3, 4), random(rng, dtype, 2, 4, 5), new int[] {2, 3, 5}, "[1,3,4]@[2,4,5]");
        // a batch of transposed matrices: [2, 4, 3] with the last two axes swapped
        assertMatmul(random(rng, dtype, 2, 4, 3).transpose(), random(rng, dtype, 2, 5, 4).transpose(),
                new int[] {2, 3, 5}, "batch of transposed views");
        // a batch taken from a larger batch: rows of the first axis at an offset
        assertMatmul(random(rng, dtype, 5, 3, 4).rows(2, 4), random(rng, dtype, 4, 5), new int[] {2, 3, 5},
                "batch rows view times a matrix");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void emptyDimensionsGiveEmptyOrZeroResults(DType dtype) {
        Rng rng = new Rng(6);
        Tensor noInner = Tensor.zeros(dtype, 2, 0).matmul(Tensor.zeros(dtype, 0, 3));
        assertArrayEquals(new int[] {2, 3}, noInner.dims());
        assertArrayEquals(new double[6], noInner.toDoubleArray()); // a sum of no terms is 0
        assertArrayEquals(new int[] {0, 5}, Tensor.zeros(dtype, 0, 4).matmul(random(rng, dtype, 4, 5)).dims());
        assertArrayEquals(new int[] {3, 0}, random(rng, dtype, 3, 4).matmul(Tensor.zeros(dtype, 4, 0)).dims());
        assertArrayEquals(new int[] {0, 3, 5},
                Tensor.zeros(dtype, 0, 3, 4).matmul(random(rng, dtype, 4, 5)).dims());
    }

    @Test
    void misalignedShapesAreRejectedNamingBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5)));
        assertTrue(e.getMessage().contains("matmul"), e.getMessage());
        assertTrue(e.getMessage().contains("[2, 3]"), e.getMessage());
        assertTrue(e.getMessage().contains("[4, 5]"), e.getMessage());

        IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3, 4).matmul(Tensor.zeros(3, 4, 5)));
        assertTrue(batch.getMessage().contains("[2]") && batch.getMessage().contains("[3]"), batch.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(4).matmul(Tensor.zeros(4, 2)));
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 4).matmul(Tensor.zeros(4)));
        IllegalArgumentException types = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 2).matmul(Tensor.zeros(DType.FLOAT64, 2, 2)));
        assertTrue(types.getMessage().contains("FLOAT32") && types.getMessage().contains("FLOAT64"), types.getMessage());
    }

    // ---- linear ---------------------------------------------------------------------------------------------

    private static void assertLinear(Tensor x, Tensor w, Tensor bias, String what) {
        double[] product = naiveMatmul(x, w, new int[] {x.dim(0), w.dim(1)});
        int n = w.dim(1);
        double[] expected = new double[product.length];
        for (int i = 0; i < product.length; i++) {
            expected[i] = product[i] + bias.get(i % n);
        }
        Tensor biasBefore = bias.copy();
        Tensor y = x.linear(w, bias);
        assertArrayEquals(new int[] {x.dim(0), n}, y.dims(), what);
        double[] got = y.toDoubleArray();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], tolerance(x.dtype(), x.dim(1)), what + ": element " + i);
        }
        assertTrue(biasBefore.contentEquals(bias), what + ": bias was modified");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void linearEqualsMatmulPlusBias(DType dtype) {
        Rng rng = new Rng(7);
        Tensor x = random(rng, dtype, 5, 4);
        Tensor w = random(rng, dtype, 4, 3);
        Tensor bias = random(rng, dtype, 3);
        assertLinear(x, w, bias, "contiguous");
        assertLinear(random(rng, dtype, 9, 4).rows(2, 7), w, bias, "mini-batch rows view");
        assertLinear(x, random(rng, dtype, 3, 4).transpose(), bias, "transposed weight");
        assertLinear(x, w, random(rng, dtype, 2, 3).narrow(0, 1, 1).reshape(3), "bias at an offset");
        assertLinear(random(rng, dtype, 6, 7).narrow(1, 1, 4), w, bias, "input with a wider row stride");

        Tensor composed = x.matmul(w).add(bias);
        Tensor fused = x.linear(w, bias);
        double[] c = composed.toDoubleArray();
        double[] f = fused.toDoubleArray();
        for (int i = 0; i < c.length; i++) {
            assertEquals(c[i], f[i], tolerance(dtype, 4), "fused vs composed at " + i);
        }
        assertTrue(x.linear(w, null).contentEquals(x.matmul(w)));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void linearReluIsTheBitsOfLinearThenRelu(DType dtype) {
        Rng rng = new Rng(11);
        int before = Parallel.threads();
        try {
            for (int threads : new int[] {1, 2}) {
                Parallel.setThreads(threads); // two: the MLP's shapes run in bands, each with its own bias and ReLU
                Tensor w = random(rng, dtype, 784, 512);
                Tensor[] inputs = {random(rng, dtype, 128, 784), random(rng, dtype, 130, 786).narrow(1, 1, 784).rows(1, 129)};
                for (Tensor x : inputs) {
                    Tensor bias = random(rng, dtype, 512);
                    assertTrue(x.linear(w, bias).reluInPlace().contentEquals(x.linearRelu(w, bias)), threads + " threads, " + x.shape());
                    assertTrue(x.linear(w, null).reluInPlace().contentEquals(x.linearRelu(w, null)), threads + " threads, no bias");
                }
                Tensor small = random(rng, dtype, 5, 4);
                Tensor wT = random(rng, dtype, 3, 4).transpose();
                Tensor b = random(rng, dtype, 3);
                assertTrue(small.linear(wT, b).reluInPlace().contentEquals(small.linearRelu(wT, b)), "transposed weight");
                Tensor y = small.linearRelu(wT, b);
                for (int i = 0; i < y.size(); i++) {
                    assertTrue(y.getFlat(i) >= 0, "ReLU applied at " + i);
                }
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void linearRejectsShapesThatDoNotFitADenseLayer() {
        Tensor x = Tensor.zeros(5, 4);
        Tensor w = Tensor.zeros(4, 3);
        IllegalArgumentException biasError = assertThrows(IllegalArgumentException.class,
                () -> x.linear(w, Tensor.zeros(4)));
        assertTrue(biasError.getMessage().contains("[4]") && biasError.getMessage().contains("[4, 3]"),
                biasError.getMessage());
        assertThrows(IllegalArgumentException.class, () -> x.linear(Tensor.zeros(5, 3), Tensor.zeros(3)));
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 5, 4).linear(w, Tensor.zeros(3)));
        assertThrows(IllegalArgumentException.class, () -> x.linear(w, Tensor.zeros(1, 3)));
        assertThrows(IllegalArgumentException.class, () -> x.linear(w, Tensor.zeros(DType.FLOAT64, 3)));
    }
}
