package dev.temper.tensor;

/**
 * GEMM in pure Java: the fallback when native OpenBLAS cannot load.
 *
 * <p>Cache-blocked, with a micro-kernel shaped so that HotSpot C2 vectorizes it ({@link JavaSgemm} explains
 * the shape). Measured on a 2-core AMD EPYC (Zen 3, AVX2, JDK 17) at 128 x 784 x 512 and 1024^3: about 47
 * GFLOP/s on one thread and 85 on two in float, half that in double, where numpy's OpenBLAS does about 90 and
 * 145-170. CPUs without AVX2, or a JIT that does not vectorize the kernel, get a fraction of that. Work is
 * split over rows of {@code C} (columns when there are too few rows) on the caller plus {@code threads - 1}
 * pool threads ({@link GemmThreads}).
 *
 * <p>Results are deterministic and, unlike OpenBLAS, the same bits for every thread count: each element of
 * {@code C} is {@code beta * c} plus {@code (alpha * a[i][p]) * b[p][j]} added in order of {@code p}. They
 * differ in the last bits from OpenBLAS, which sums in another order and with fused multiply-adds.
 *
 * <p>As in the reference BLAS, {@code beta == 0} ignores the old contents of {@code C} (NaN included), and
 * {@code k == 0} or {@code alpha == 0} reduces the call to {@code C = beta * C} without reading A or B.
 */
public final class JavaBlas implements Blas {

    private final GemmThreads threads;

    /** Uses {@code threads} threads, the caller's included; 1 runs everything on the caller. */
    public JavaBlas(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = new GemmThreads(threads);
    }

    @Override
    public String name() {
        return "pure Java (fallback)";
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k,
                      float alpha, float[] a, int aOffset, int lda,
                      float[] b, int bOffset, int ldb,
                      float beta, float[] c, int cOffset, int ldc) {
        GemmArguments.checkShapeAndC(transA, transB, m, n, k, lda, ldb, ldc, c, c == null ? 0 : c.length, cOffset);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0f) {
            JavaSgemm.scale(m, n, beta, c, cOffset, ldc);
            return;
        }
        GemmArguments.checkAB(transA, transB, m, n, k, a, a == null ? 0 : a.length, aOffset, lda,
                b, b == null ? 0 : b.length, bOffset, ldb);
        JavaSgemm call = new JavaSgemm(transA, transB, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                beta, c, cOffset, ldc);
        threads.run(m, n, k, call::compute);
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k,
                      double alpha, double[] a, int aOffset, int lda,
                      double[] b, int bOffset, int ldb,
                      double beta, double[] c, int cOffset, int ldc) {
        GemmArguments.checkShapeAndC(transA, transB, m, n, k, lda, ldb, ldc, c, c == null ? 0 : c.length, cOffset);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0.0) {
            JavaDgemm.scale(m, n, beta, c, cOffset, ldc);
            return;
        }
        GemmArguments.checkAB(transA, transB, m, n, k, a, a == null ? 0 : a.length, aOffset, lda,
                b, b == null ? 0 : b.length, bOffset, ldb);
        JavaDgemm call = new JavaDgemm(transA, transB, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                beta, c, cOffset, ldc);
        threads.run(m, n, k, call::compute);
    }

    @Override
    public String toString() {
        return name();
    }

    /**
     * In double, in eight interleaved partial sums (element {@code i} into sum {@code i % 8}, the tail into the first):
     * a single running sum is one long chain of dependent additions, four cycles each. Each product is rounded to
     * float32 first, as a float32 multiply followed by a sum would.
     */
    @Override
    public double sdot(int n, float[] x, int xOffset, float[] y, int yOffset) {
        return dotInDouble(n, x, xOffset, y, yOffset);
    }

    /** {@link #sdot}'s loop, for {@link OpenBlas} too where it copies operands (a copy would cost more than the sum). */
    static double dotInDouble(int n, float[] x, int xOffset, float[] y, int yOffset) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            int p = xOffset + i;
            int q = yOffset + i;
            a0 += x[p] * y[q];
            a1 += x[p + 1] * y[q + 1];
            a2 += x[p + 2] * y[q + 2];
            a3 += x[p + 3] * y[q + 3];
            a4 += x[p + 4] * y[q + 4];
            a5 += x[p + 5] * y[q + 5];
            a6 += x[p + 6] * y[q + 6];
            a7 += x[p + 7] * y[q + 7];
        }
        for (; i < n; i++) {
            a0 += x[xOffset + i] * y[yOffset + i];
        }
        return ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
    }
}
