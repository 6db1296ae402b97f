package dev.temper.tensor;

import java.util.Arrays;

/**
 * One double GEMM call of {@link JavaBlas}, computed block by block of {@code C}; arguments as in
 * {@link Blas#dgemm}, already validated, with {@code m, n, k > 0} and {@code alpha != 0}.
 *
 * <p>The same algorithm as {@link JavaSgemm}, line for line, in double; the reasons for the blocking, the 3 x 2
 * kernel and its array layout are given there. Only the block sizes differ, because a double is twice as wide.
 * As there, each element of {@code C} is {@code beta * c} plus its products added strictly in k order, so the
 * result does not depend on how the work was split.
 */
final class JavaDgemm {

    /** Rows of packed B: 64 x 256 doubles is 128 KiB, as for floats. */
    static final int DEPTH_BLOCK = 64;
    /** Columns of packed B; three partial C rows of this width (6 KiB) stay in L1 during a pass. */
    static final int WIDTH_BLOCK = 256;

    private final boolean transA;
    private final boolean transB;
    private final int k;
    private final double alpha;
    private final double[] a;
    private final int aOffset;
    private final int lda;
    private final double[] b;
    private final int bOffset;
    private final int ldb;
    private final double beta;
    private final double[] c;
    private final int cOffset;
    private final int ldc;

    JavaDgemm(boolean transA, boolean transB, int k, double alpha, double[] a, int aOffset, int lda,
              double[] b, int bOffset, int ldb, double beta, double[] c, int cOffset, int ldc) {
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
        double[][] packed = new double[Math.min(DEPTH_BLOCK, k)][maxWidth];
        double[] row0 = new double[maxWidth];
        double[] row1 = new double[maxWidth];
        double[] row2 = new double[maxWidth];
        // Strides of op(A) along k and along m in the stored array.
        int aAlongK = transA ? lda : 1;
        int aAlongM = transA ? 1 : lda;
        for (int column = columnStart; column < columnEnd; column += WIDTH_BLOCK) {
            int width = Math.min(WIDTH_BLOCK, columnEnd - column);
            for (int depth = 0; depth < k; depth += DEPTH_BLOCK) {
                int depthCount = Math.min(DEPTH_BLOCK, k - depth);
                pack(depth, depthCount, column, width, packed);
                double scale = depth == 0 ? beta : 1.0;
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
    private void pack(int depth, int depthCount, int column, int width, double[][] packed) {
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
                double[] row = packed[p];
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
    private void load(int cAt, int width, double scale, double[] into) {
        if (scale == 1.0) {
            System.arraycopy(c, cAt, into, 0, width);
        } else if (scale == 0.0) {
            Arrays.fill(into, 0, width, 0.0);
        } else {
            for (int j = 0; j < width; j++) {
                into[j] = scale * c[cAt + j];
            }
        }
    }

    /** C = beta * C on a block; the whole call when {@code k == 0} or {@code alpha == 0}. */
    static void scale(int m, int n, double beta, double[] c, int cOffset, int ldc) {
        if (beta == 1.0) {
            return;
        }
        for (int row = 0; row < m; row++) {
            int at = cOffset + row * ldc;
            if (beta == 0.0) {
                Arrays.fill(c, at, at + n, 0.0);
            } else {
                for (int j = 0; j < n; j++) {
                    c[at + j] *= beta;
                }
            }
        }
    }

    // The kernels. Each adds its products to a row strictly in k order, one rounding per step, so any mix of
    // them gives the same bits. Keep each loop body small: see the class comment about C2's unroll limit.

    private static void threeByTwo(double a00, double a01, double a10, double a11, double a20, double a21,
                                   double[] b0, double[] b1, double[] row0, double[] row1, double[] row2, int width) {
        for (int j = 0; j < width; j++) {
            double v0 = b0[j];
            double v1 = b1[j];
            row0[j] = row0[j] + a00 * v0 + a01 * v1;
            row1[j] = row1[j] + a10 * v0 + a11 * v1;
            row2[j] = row2[j] + a20 * v0 + a21 * v1;
        }
    }

    private static void threeByOne(double a0, double a1, double a2, double[] b0,
                                   double[] row0, double[] row1, double[] row2, int width) {
        for (int j = 0; j < width; j++) {
            double v0 = b0[j];
            row0[j] = row0[j] + a0 * v0;
            row1[j] = row1[j] + a1 * v0;
            row2[j] = row2[j] + a2 * v0;
        }
    }

    private static void oneByTwo(double a0, double a1, double[] b0, double[] b1, double[] row0, int width) {
        for (int j = 0; j < width; j++) {
            row0[j] = row0[j] + a0 * b0[j] + a1 * b1[j];
        }
    }

    private static void oneByOne(double a0, double[] b0, double[] row0, int width) {
        for (int j = 0; j < width; j++) {
            row0[j] = row0[j] + a0 * b0[j];
        }
    }
}
