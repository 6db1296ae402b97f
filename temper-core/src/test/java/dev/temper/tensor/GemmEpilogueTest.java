package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What OpenBLAS's bands do besides the product ({@link OpenBlas#sgemmBias}, {@link GemmEpilogue}): the bias and the
 * ReLU applied inside each band give the bits of the separate passes ({@link Blas#sgemmBias}'s default), and column
 * bands computed in scratch arrays give the bits of the same bands computed in C itself; neither writes C's padding.
 */
class GemmEpilogueTest {
    /** m, n, k, transA, transB: the MLP's forward and input-gradient shapes, edges off the grain, and an unsplit one. */
    private static final int[][] SHAPES = {
        {128, 512, 784, 0, 0}, {128, 512, 512, 0, 1}, {150, 230, 97, 0, 0}, {97, 300, 150, 1, 1}, {128, 10, 512, 0, 0}};

    /** The same OpenBLAS through the interface's default sgemmBias: bias written into C, GEMM with beta 1, ReLU pass. */
    private static Blas separatePasses(Blas blas) {
        return new Blas() {
            @Override
            public String name() {
                return "separate passes over " + blas.name();
            }

            @Override
            public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOffset, int lda,
                              float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc) {
                blas.sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
            }

            @Override
            public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOffset, int lda,
                              double[] b, int bOffset, int ldb, double beta, double[] c, int cOffset, int ldc) {
                blas.dgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
            }

            @Override
            public double sdot(int n, float[] x, int xOffset, float[] y, int yOffset) {
                return blas.sdot(n, x, xOffset, y, yOffset);
            }
        };
    }

    @Test
    void biasAndReluInsideTheBandsAreTheBitsOfSeparatePasses() {
        OpenBlas fused = BlasImplementationsAgreeTest.openBlas(true);
        Blas separate = separatePasses(fused);
        Rng rng = new Rng(21);
        onThreads(() -> {
            for (int[] s : SHAPES) {
                int m = s[0], n = s[1], k = s[2];
                boolean transA = s[3] == 1, transB = s[4] == 1;
                int lda = (transA ? m : k) + 2, ldb = (transB ? k : n) + 1, ldc = n + 3;
                float[] a = random(rng, 5 + (transA ? k : m) * lda);
                float[] b = random(rng, 1 + (transB ? n : k) * ldb);
                float[] bias = random(rng, 4 + n);
                float[] c = random(rng, 2 + m * ldc + 3); // padding and the ends hold values that must survive
                for (boolean relu : new boolean[] {false, true}) {
                    float[] expected = c.clone();
                    separate.sgemmBias(transA, transB, m, n, k, a, 5, lda, b, 1, ldb, bias, 4, relu, expected, 2, ldc);
                    float[] got = c.clone();
                    fused.sgemmBias(transA, transB, m, n, k, a, 5, lda, b, 1, ldb, bias, 4, relu, got, 2, ldc);
                    String what = Parallel.threads() + " threads, " + m + "x" + n + "x" + k + " transA=" + transA
                            + " transB=" + transB + " relu=" + relu;
                    assertArrayEquals(expected, got, what);
                    assertUntouchedOutside(c, got, 2, m, n, ldc, what);
                }
            }
        });
    }

    @Test
    void columnBandsInScratchArraysAreTheBitsOfBandsInPlace() {
        OpenBlas blas = BlasImplementationsAgreeTest.openBlas(true);
        Rng rng = new Rng(22);
        onThreads(() -> {
            for (int[] s : SHAPES) {
                int m = s[0], n = s[1], k = s[2];
                boolean transA = s[3] == 1, transB = s[4] == 1;
                int lda = (transA ? m : k) + 1, ldb = (transB ? k : n) + 2, ldc = n + 1;
                float[] a = random(rng, 3 + (transA ? k : m) * lda);
                float[] b = random(rng, (transB ? n : k) * ldb);
                float[] c = random(rng, 7 + m * ldc);
                float[] inPlace = c.clone();
                float[] inScratch = c.clone();
                try {
                    OpenBlas.bandScratch = false;
                    blas.sgemm(transA, transB, m, n, k, 0.75f, a, 3, lda, b, 0, ldb, 0f, inPlace, 7, ldc);
                } finally {
                    OpenBlas.bandScratch = true;
                }
                blas.sgemm(transA, transB, m, n, k, 0.75f, a, 3, lda, b, 0, ldb, 0f, inScratch, 7, ldc);
                String what = Parallel.threads() + " threads, " + m + "x" + n + "x" + k;
                assertArrayEquals(inPlace, inScratch, what);
                assertUntouchedOutside(c, inScratch, 7, m, n, ldc, what);
                float[] reference = c.clone();
                new JavaBlas(1).sgemm(transA, transB, m, n, k, 0.75f, a, 3, lda, b, 0, ldb, 0f, reference, 7, ldc);
                for (int i = 0; i < c.length; i++) {
                    assertEquals(reference[i], inScratch[i], 2e-5f * (1 + Math.abs(reference[i])), what + " at " + i);
                }
            }
        });
    }

    @Test
    void aBiasShorterThanTheOutputRowIsRefusedBeforeNativeCodeRuns() {
        OpenBlas blas = BlasImplementationsAgreeTest.openBlas(true);
        float[] a = new float[128 * 784];
        float[] b = new float[784 * 512];
        float[] c = new float[128 * 512];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> blas.sgemmBias(false, false, 128, 512, 784, a, 0, 784, b, 0, 512, new float[600], 100, true, c, 0, 512));
        assertTrue(e.getMessage().contains("bias") && e.getMessage().contains("600"), e.getMessage());
    }

    /** Everything of {@code got} outside C's {@code m x n} window is as it was in {@code before}. */
    private static void assertUntouchedOutside(float[] before, float[] got, int cOffset, int m, int n, int ldc, String what) {
        for (int i = 0; i < before.length; i++) {
            int r = i - cOffset;
            boolean inside = r >= 0 && r / ldc < m && r % ldc < n;
            if (!inside) {
                assertEquals(before[i], got[i], what + ": written outside C at " + i);
            }
        }
    }

    private static void onThreads(Runnable check) {
        int before = Parallel.threads();
        try {
            for (int threads : new int[] {1, 2, 3}) {
                Parallel.setThreads(threads);
                check.run();
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    private static float[] random(Rng rng, int length) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = rng.nextFloat() * 2 - 1;
        }
        return v;
    }
}
