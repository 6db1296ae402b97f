package dev.temper.tensor;

/**
 * General matrix multiply, the one routine that dominates training time.
 *
 * <p>All matrices are row-major, addressed as {@code array[offset + row * ld + col]}. The call computes
 * {@code C = alpha * op(A) * op(B) + beta * C} where {@code op(X)} is {@code X} or its transpose, {@code op(A)}
 * is {@code m x k}, {@code op(B)} is {@code k x n} and {@code C} is {@code m x n}. With {@code beta == 0} the
 * old contents of {@code C} are ignored (NaN included), as in the reference BLAS.
 *
 * <p>Implementations: {@link OpenBlas} (native, the default) and {@link JavaBlas} (pure Java fallback used
 * when the native library cannot load). A GPU backend would bring its own.
 */
public interface Blas {

    /** A short human-readable name, e.g. {@code "OpenBLAS 0.3.31 (Haswell kernels)"}. */
    String name();

    void sgemm(boolean transA, boolean transB, int m, int n, int k,
               float alpha, float[] a, int aOffset, int lda,
               float[] b, int bOffset, int ldb,
               float beta, float[] c, int cOffset, int ldc);

    void dgemm(boolean transA, boolean transB, int m, int n, int k,
               double alpha, double[] a, int aOffset, int lda,
               double[] b, int bOffset, int ldb,
               double beta, double[] c, int cOffset, int ldc);

    /**
     * A dense layer's forward pass in float32: {@code C = op(A) * op(B) + bias}, the {@code n} floats of {@code bias}
     * added to every row of C, then {@code C = max(C, 0)} where {@code relu}. The bits of writing the bias into every row
     * of C, {@link #sgemm} with alpha and beta 1, and then the ReLU, which is what this default does; {@link OpenBlas}
     * does the three inside each band of C instead (cuBLASLt offers the same fusion as its bias-and-ReLU epilogue).
     */
    default void sgemmBias(boolean transA, boolean transB, int m, int n, int k,
                           float[] a, int aOffset, int lda,
                           float[] b, int bOffset, int ldb,
                           float[] bias, int biasOffset, boolean relu,
                           float[] c, int cOffset, int ldc) {
        GemmArguments.checkBias(n, bias, biasOffset);
        GemmArguments.checkShapeAndC(transA, transB, m, n, k, lda, ldb, ldc, c, c == null ? 0 : c.length, cOffset);
        for (int r = 0; r < m; r++) {
            System.arraycopy(bias, biasOffset, c, cOffset + r * ldc, n);
        }
        sgemm(transA, transB, m, n, k, 1f, a, aOffset, lda, b, bOffset, ldb, 1f, c, cOffset, ldc);
        if (relu) {
            Parallel.forRange(m, Math.max(1, Elementwise.GRAIN / Math.max(1, n)), (r0, r1) ->
                    GemmEpilogue.relu(c, cOffset + r0 * ldc, ldc, r1 - r0, n));
        }
    }

    /**
     * The dot product of {@code n} floats of {@code x} and of {@code y} from their offsets, on the calling thread
     * (callers split long vectors over threads themselves). Accumulated in float32 at least: {@link OpenBlas} sums in
     * its kernel's float registers, {@link JavaBlas} in double. Arguments are checked by the caller.
     */
    double sdot(int n, float[] x, int xOffset, float[] y, int yOffset);
}
