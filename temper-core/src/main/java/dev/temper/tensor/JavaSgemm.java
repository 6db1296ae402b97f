package dev.temper.tensor;

import java.util.Arrays;

/**
 * One float GEMM call of {@link JavaBlas}, computed block by block of {@code C}; arguments as in
 * {@link Blas#sgemm}, already validated, with {@code m, n, k > 0} and {@code alpha != 0}.
 *
 * <p>Blocking follows GotoBLAS: a {@link #DEPTH_BLOCK} x {@link #WIDTH_BLOCK} block of {@code op(B)} is packed
 * (transposed if need be) into one array per row, then every row of the block of {@code C} streams over it.
 * The micro-kernel updates three rows of {@code C} with two steps of {@code k} per pass over the columns: each
 * packed B element loaded feeds three multiply-adds, and each partial C row is loaded and stored once per two
 * steps. Its innermost loop runs over the columns of separate arrays, unit stride, indexed from zero: the one
 * shape HotSpot C2 (JDK 17) turns into AVX code. C2 does not vectorize across scalar locals, so a classic
 * register-tiled kernel stays scalar (about 6 GFLOP/s here against about 45); it also gives up on loops whose
 * body is bigger than its unroll limit ({@code LoopUnrollLimit}, 60 nodes), which is why the tile is 3 x 2 and
 * not 4 x 4 (measured: 3 x 2 ~45, 2 x 3 ~37, 4 x 1 ~25, 4 x 2 and 2 x 4 ~7 GFLOP/s), and why rows of B and C
 * are separate arrays rather than offsets into one array (C2 then cannot align the loads and stays scalar).
 *
 * <p>Every element of {@code C} is {@code beta * c} (zero when {@code beta == 0}) followed by adding
 * {@code (alpha * a[i][p]) * b[p][j]} for {@code p = 0, 1, ..., k - 1}, one rounding per step, in that order,
 * whatever the block, kernel or thread. Java never fuses a multiply and an add, and SIMD lanes round like
 * scalars, so the result does not depend on how the work was split.
 */
final class JavaSgemm {

    /** Rows of packed B: 64 x 512 floats is 128 KiB, a quarter of the 512 KiB L2 of the machines measured. */
    static final int DEPTH_BLOCK = 64;
    /** Columns of packed B; three partial C rows of this width (6 KiB) stay in L1 during a pass. */
    static final int WIDTH_BLOCK = 512;

    private final boolean transA;
    private final boolean transB;
    private final int k;
    private final float alpha;
    private final float[] a;
    private final int aOffset;
    private final int lda;
    private final float[] b;
    private final int bOffset;
    private final int ldb;
    private final float beta;
    private final float[] c;
    private final int cOffset;
    private final int ldc;

    JavaSgemm(boolean transA, boolean transB, int k, float alpha, float[] a, int aOffset, int lda,
              float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc) {
        this.transA = transA;
        this.transB = transB;
        this.k = k;
        this.alpha = alpha;
        this.a = a;
        this.aOffset = aOffset;
        this.lda = lda;
        this.b = b;
        this.bOffset = bOffset;
        this.ldb = ldb;
        this.beta = beta;
        this.c = c;
        this.cOffset = cOffset;
        this.ldc = ldc;
    }

    /** Computes {@code C[rowStart..rowEnd) x [columnStart..columnEnd)}, all of it on the calling thread. */
    void compute(int rowStart, int rowEnd, int columnStart, int columnEnd) {
        int maxWidth = Math.min(WIDTH_BLOCK, columnEnd - columnStart);
        float[][] packed = new float[Math.min(DEPTH_BLOCK, k)][maxWidth];
        float[] row0 = new float[maxWidth];
        float[] row1 = new float[maxWidth];
        float[] row2 = new float[maxWidth];
        // Strides of op(A) along k and along m in the stored array.
        int aAlongK = transA ? lda : 1;
        int aAlongM = transA ? 1 : lda;
        for (int column = columnStart; column < columnEnd; column += WIDTH_BLOCK) {
            int width = Math.min(WIDTH_BLOCK, columnEnd - column);
            for (int depth = 0; depth < k; depth += DEPTH_BLOCK) {
                int depthCount = Math.min(DEPTH_BLOCK, k - depth);
                pack(depth, depthCount, column, width, packed);
                float scale = depth == 0 ? beta : 1f;
                int row = rowStart;
                for (; row + 3 <= rowEnd; row += 3) {
                    int cAt = cOffset + row * ldc + column;
                    load(cAt, width, scale, row0);
                    load(cAt + ldc, width, scale, row1);
                    load(cAt + 2 * ldc, width, scale, row2);
                    int aAt = aOffset + row * aAlongM + depth * aAlongK;
                    int p = 0;
                    for (; p + 2 <= depthCount; p += 2) {
                        int at = aAt + p * aAlongK;
                        threeByTwo(alpha * a[at], alpha * a[at + aAlongK],
                                alpha * a[at + aAlongM], alpha * a[at + aAlongM + aAlongK],
                                alpha * a[at + 2 * aAlongM], alpha * a[at + 2 * aAlongM + aAlongK],
                                packed[p], packed[p + 1], row0, row1, row2, width);
                    }
                    if (p < depthCount) {
                        int at = aAt + p * aAlongK;
                        threeByOne(alpha * a[at], alpha * a[at + aAlongM], alpha * a[at + 2 * aAlongM],
                                packed[p], row0, row1, row2, width);
                    }
                    System.arraycopy(row0, 0, c, cAt, width);
                    System.arraycopy(row1, 0, c, cAt + ldc, width);
                    System.arraycopy(row2, 0, c, cAt + 2 * ldc, width);
                }
                for (; row < rowEnd; row++) {
                    int cAt = cOffset + row * ldc + column;
                    load(cAt, width, scale, row0);
                    int aAt = aOffset + row * aAlongM + depth * aAlongK;
                    int p = 0;
                    for (; p + 2 <= depthCount; p += 2) {
                        int at = aAt + p * aAlongK;
                        oneByTwo(alpha * a[at], alpha * a[at + aAlongK], packed[p], packed[p + 1], row0, width);
                    }
                    if (p < depthCount) {
                        oneByOne(alpha * a[aAt + p * aAlongK], packed[p], row0, width);
                    }
                    System.arraycopy(row0, 0, c, cAt, width);
                }
            }
        }
    }

    /** Copies {@code op(B)[depth..depth+depthCount) x [column..column+width)} into one array per row. */
    private void pack(int depth, int depthCount, int column, int width, float[][] packed) {
        if (!transB) {
            for (int p = 0; p < depthCount; p++) {
                System.arraycopy(b, bOffset + (depth + p) * ldb + column, packed[p], 0, width);
            }
            return;
        }
        // op(B)[p][j] = B[j][p]. Four rows of B are read together (four contiguous streams), so that each
        // packed row is touched once per four elements written: a quarter less time than one row at a time.
        int j = 0;
        for (; j + 4 <= width; j += 4) {
            int from0 = bOffset + (column + j) * ldb + depth;
            int from1 = from0 + ldb;
            int from2 = from1 + ldb;
            int from3 = from2 + ldb;
            for (int p = 0; p < depthCount; p++) {
                float[] row = packed[p];
                row[j] = b[from0 + p];
                row[j + 1] = b[from1 + p];
                row[j + 2] = b[from2 + p];
                row[j + 3] = b[from3 + p];
            }
        }
        for (; j < width; j++) {
            int from = bOffset + (column + j) * ldb + depth;
            for (int p = 0; p < depthCount; p++) {
                packed[p][j] = b[from + p];
            }
        }
    }

    /** Loads a partial row of C scaled by {@code scale}; zero scale writes zeros so old NaNs do not survive. */
    private void load(int cAt, int width, float scale, float[] into) {
        if (scale == 1f) {
            System.arraycopy(c, cAt, into, 0, width);
        } else if (scale == 0f) {
            Arrays.fill(into, 0, width, 0f);
        } else {
            for (int j = 0; j < width; j++) {
                into[j] = scale * c[cAt + j];
            }
        }
    }

    /** C = beta * C on a block; the whole call when {@code k == 0} or {@code alpha == 0}. */
    static void scale(int m, int n, float beta, float[] c, int cOffset, int ldc) {
        if (beta == 1f) {
            return;
        }
        for (int row = 0; row < m; row++) {
            int at = cOffset + row * ldc;
            if (beta == 0f) {
                Arrays.fill(c, at, at + n, 0f);
            } else {
                for (int j = 0; j < n; j++) {
                    c[at + j] *= beta;
                }
            }
        }
    }

    // The kernels. Each adds its products to a row strictly in k order, one rounding per step, so any mix of
    // them gives the same bits. Keep each loop body small: see the class comment about C2's unroll limit.

    private static void threeByTwo(float a00, float a01, float a10, float a11, float a20, float a21,
                                   float[] b0, float[] b1, float[] row0, float[] row1, float[] row2, int width) {
        for (int j = 0; j < width; j++) {
            float v0 = b0[j];
            float v1 = b1[j];
            row0[j] = row0[j] + a00 * v0 + a01 * v1;
            row1[j] = row1[j] + a10 * v0 + a11 * v1;
            row2[j] = row2[j] + a20 * v0 + a21 * v1;
        }
    }

    private static void threeByOne(float a0, float a1, float a2, float[] b0,
                                   float[] row0, float[] row1, float[] row2, int width) {
        for (int j = 0; j < width; j++) {
            float v0 = b0[j];
            row0[j] = row0[j] + a0 * v0;
            row1[j] = row1[j] + a1 * v0;
            row2[j] = row2[j] + a2 * v0;
        }
    }

    private static void oneByTwo(float a0, float a1, float[] b0, float[] b1, float[] row0, int width) {
        for (int j = 0; j < width; j++) {
            row0[j] = row0[j] + a0 * b0[j] + a1 * b1[j];
        }
    }

    private static void oneByOne(float a0, float[] b0, float[] row0, int width) {
        for (int j = 0; j < width; j++) {
            row0[j] = row0[j] + a0 * b0[j];
        }
    }
}
