package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GEMM cut into bands of C for temper's threads ({@link GemmBands}): the bands tile C exactly once on register-tile
 * boundaries, and OpenBLAS's result computed band by band (on operands at offsets, with padded rows and beta != 0)
 * matches the pure-Java GEMM to rounding, leaves the padding alone, and is the same bits on every run.
 */
class GemmBandsTest {

    @Test
    void bandsTileTheOutputOnceAlongItsLongerSideOrRowsWhenAsked() {
        assertTiles(128, 512, 784, 2, false, 2, true);
        assertTiles(784, 512, 128, 2, false, 2, false);
        assertTiles(128, 512, 784, 2, true, 2, false);
        assertTiles(100, 1000, 1000, 3, false, 3, true);
        assertTiles(128, 10, 512, 2, false, 1, false); // 1.3 MFLOP: too small to split
        assertTiles(20, 4000, 200, 8, false, 8, true);
        assertTiles(40, 30, 100_000, 4, false, 2, false); // 40 rows make two bands of 32 at most
    }

    private static void assertTiles(int m, int n, int k, int threads, boolean rowsOnly, int expectedBands, boolean byColumns) {
        List<int[]> bands = new ArrayList<>();
        int[][] covered = new int[m][n];
        GemmBands.run(m, n, k, threads, rowsOnly, (r0, r1, c0, c1) -> {
            synchronized (bands) {
                bands.add(new int[] {r0, r1, c0, c1});
                for (int i = r0; i < r1; i++) {
                    for (int j = c0; j < c1; j++) {
                        covered[i][j]++;
                    }
                }
            }
        });
        String what = m + "x" + n + "x" + k + " on " + threads;
        assertEquals(expectedBands, bands.size(), what);
        for (int[] row : covered) {
            for (int c : row) {
                assertEquals(1, c, what + ": every element of C in exactly one band");
            }
        }
        for (int[] b : bands) {
            if (bands.size() > 1) {
                assertTrue(byColumns ? b[0] == 0 && b[1] == m : b[2] == 0 && b[3] == n, what);
                int start = byColumns ? b[2] : b[0];
                assertEquals(0, start % GemmBands.GRAIN, what + ": bands start on a register tile");
            }
        }
    }

    @Test
    void bandedOpenBlasMatchesJavaBlasOnEveryLayoutAndRepeatsItsBits() {
        OpenBlas inPlace = BlasImplementationsAgreeTest.openBlas(true);
        OpenBlas copying = BlasImplementationsAgreeTest.openBlas(false);
        Blas java = new JavaBlas(1);
        Rng rng = new Rng(8);
        int[][] shapes = {{150, 230, 97}, {260, 70, 120}}; // m, n, k: above the split threshold, edges off the grain
        int before = Parallel.threads();
        try {
            for (int threads : new int[] {2, 3}) {
                Parallel.setThreads(threads);
                for (int[] s : shapes) {
                    for (int t = 0; t < 4; t++) {
                        boolean transA = (t & 1) != 0, transB = (t & 2) != 0;
                        int m = s[0], n = s[1], k = s[2];
                        int lda = (transA ? m : k) + 3, ldb = (transB ? k : n) + 1, ldc = n + 5;
                        float[] a = random(rng, 7 + (transA ? k : m) * lda);
                        float[] b = random(rng, 2 + (transB ? n : k) * ldb);
                        float[] c = random(rng, 4 + m * ldc);
                        float[] expected = c.clone();
                        java.sgemm(transA, transB, m, n, k, 0.5f, a, 7, lda, b, 2, ldb, -1.5f, expected, 4, ldc);
                        for (OpenBlas blas : new OpenBlas[] {inPlace, copying}) {
                            float[] got = c.clone();
                            blas.sgemm(transA, transB, m, n, k, 0.5f, a, 7, lda, b, 2, ldb, -1.5f, got, 4, ldc);
                            float[] again = c.clone();
                            blas.sgemm(transA, transB, m, n, k, 0.5f, a, 7, lda, b, 2, ldb, -1.5f, again, 4, ldc);
                            assertArrayEquals(got, again, blas.name() + ": same bits on a second run");
                            for (int i = 0; i < c.length; i++) {
                                int r = i - 4;
                                boolean inside = r >= 0 && r / ldc < m && r % ldc < n;
                                String where = blas.name() + " " + threads + " threads, transA=" + transA
                                        + " transB=" + transB + " " + m + "x" + n + "x" + k + " at " + i;
                                if (inside) {
                                    assertEquals(expected[i], got[i], 2e-5f * (1 + Math.abs(expected[i])), where);
                                } else {
                                    assertEquals(c[i], got[i], where + " (padding written)");
                                }
                            }
                        }
                    }
                }
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    private static float[] random(Rng rng, int length) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = rng.nextFloat() - 0.5f;
        }
        return v;
    }
}
