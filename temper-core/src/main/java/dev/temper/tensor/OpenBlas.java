package dev.temper.tensor;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * GEMM through OpenBLAS (the JavaCPP preset, which bundles the native library).
 *
 * <p>Operands live in Java arrays, because Java kernels run 3-7x faster on arrays than on direct buffers
 * (measured: an Adam step over 670k parameters took 0.26 ms on arrays, 1.9 ms on a direct FloatBuffer). Two ways
 * to hand them to OpenBLAS:
 * <ul>
 *   <li><b>in place</b>, the default where it loads: temper's JNI shim ({@link NativeGemm}) pins the arrays and
 *       calls {@code cblas_sgemm} on them directly;
 *   <li><b>copied</b>, the fallback (no shim in the jar, or {@code -Dtemper.blas=openblas-copy}): each thread
 *       keeps reusable off-heap scratch buffers and copies the operands in and the result out itself. JavaCPP's
 *       array overloads would copy to fresh native memory on every call (measured 30% slower at 128x784x512).
 *       The copies run at about 15 GB/s and cost 25-35% of the GEMM at the MLP's shapes on a 2-core AVX-512 Xeon.
 *       Scratch buffers start on a 64-byte boundary (malloc gives 16): raw GEMM 181 to 196 GFLOP/s there.
 * </ul>
 * {@link #name()} says which is in use. On one thread both give the same bits: the same OpenBLAS kernel sees the
 * same numbers (tested on every shape the tests try).
 *
 * <p>Threads: by default OpenBLAS runs single-threaded and temper cuts each large GEMM into bands of C, one OpenBLAS
 * call per band on its own kernel threads ({@link GemmBands}): column bands in place, row bands when copying (their
 * copies of C never overlap). On the 2-core machine under load this made the MLP's epoch about ten times faster than
 * OpenBLAS's own threads, which sleep between GEMMs and spin when woken. {@code -Dtemper.gemm.threads=openblas}
 * hands threading back to OpenBLAS.
 */
final class OpenBlas implements Blas {
    private final String name;
    /** Null on the copying path. */
    private final NativeGemm inPlace;
    /**
     * Whether temper splits GEMMs over its kernel threads ({@link GemmBands}) with OpenBLAS single-threaded (the
     * default), or leaves threading to OpenBLAS ({@code -Dtemper.gemm.threads=openblas}). One setting per process:
     * OpenBLAS's thread count is global.
     */
    static final boolean BANDED = !"openblas".equalsIgnoreCase(System.getProperty("temper.gemm.threads", ""));
    /** The largest band computed in a scratch array ({@link #computesInScratch}): 1 MB, eight bands of the MLP's forward. */
    static final int BAND_SCRATCH_MAX_FLOATS = 1 << 18;
    /** The {@link Scratch} purpose of a band's array. */
    private static final String BAND = "gemm band";
    /** Whether column bands go through scratch arrays; tests switch it off to compare the bits of both ways. */
    static volatile boolean bandScratch = true;
    private final ThreadLocal<NativeBuffers> buffers = ThreadLocal.withInitial(NativeBuffers::new);

    private OpenBlas(String name, NativeGemm inPlace, int threads) {
        this.name = name;
        this.inPlace = inPlace;
        setThreads(threads);
    }

    /** Loads the native library, in place where the shim loads and copying otherwise; throws if OpenBLAS cannot load. */
    static OpenBlas load(int threads) {
        return load(threads, !"openblas-copy".equalsIgnoreCase(System.getProperty("temper.blas", "")));
    }

    /** As {@link #load(int)}, but {@code inPlace == false} forces the copying path (tests compare the two). */
    static OpenBlas load(int threads, boolean inPlace) {
        String forced = CpuFeatures.prepareOpenBlasEnvironment(BANDED ? 1 : threads);
        Loader.load(openblas_nolapack.class);
        String path = libraryPath();
        String base = openblas_nolapack.OPENBLAS_VERSION.trim() + " (" + coreName(path) + " kernels"
                + (forced != null ? ", chosen by temper" + overriding(forced) : "")
                + (BANDED ? ", split over temper's threads" : ", OpenBLAS's threads");
        if (!inPlace) {
            return new OpenBlas(base + "; operands copied, as asked by temper.blas=openblas-copy)", null, threads);
        }
        try {
            if (path == null) {
                throw new UnsatisfiedLinkError("JavaCPP did not report where libopenblas is");
            }
            return new OpenBlas(base + "; arrays in place through temper's JNI shim)", NativeGemm.load(path), threads);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return new OpenBlas(base + "; operands copied: " + e.getMessage() + ")", null, threads);
        }
    }

    /** What a forced kernel choice replaced, for the backend's name: a user reading a benchmark should see it. */
    private static String overriding(String forced) {
        String before = System.getenv("OPENBLAS_CORETYPE");
        return before == null || before.isBlank() || before.trim().equalsIgnoreCase(forced) ? ""
                : " over OPENBLAS_CORETYPE=" + before.trim();
    }

    /** Whether GEMM runs on the arrays themselves (the shim loaded) rather than on copies. */
    boolean inPlace() {
        return inPlace != null;
    }

    /** The file of the OpenBLAS library JavaCPP loaded, or null. */
    private static String libraryPath() {
        for (String path : Loader.getLoadedLibraries().values()) {
            if (path != null && path.contains("libopenblas")) {
                return path;
            }
        }
        return null;
    }

    /** The kernel family OpenBLAS chose, asked of the library itself. */
    private static String coreName(String path) {
        try {
            if (path != null) {
                Function f = NativeLibrary.getInstance(path).getFunction("openblas_get_corename");
                return f.invokeString(new Object[0], false).trim();
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // fall through
        }
        return "unknown";
    }

    void setThreads(int threads) {
        openblas_nolapack.blas_set_num_threads(BANDED ? 1 : threads);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Number of elements a row-major operand spans, from its first to its last used element. */
    private static long span(int rows, int cols, int ld) {
        return rows == 0 || cols == 0 ? 0 : (long) (rows - 1) * ld + cols;
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
            JavaSgemm.scale(m, n, beta, c, cOffset, ldc); // A and B are not read, and may be empty or null
            return;
        }
        GemmArguments.checkAB(transA, transB, m, n, k, a, a == null ? 0 : a.length, aOffset, lda,
                b, b == null ? 0 : b.length, bOffset, ldb);
        if (BANDED) {
            GemmBands.run(m, n, k, Parallel.threads(), inPlace == null, (r0, r1, c0, c1) -> {
                int rows = r1 - r0;
                int columns = c1 - c0;
                int aAt = aOffset + (transA ? r0 : r0 * lda);
                int bAt = bOffset + (transB ? c0 * ldb : c0);
                int cAt = cOffset + r0 * ldc + c0;
                if (beta == 0f && computesInScratch(rows, columns, n)) { // C's old contents are not read: nothing to copy in
                    float[] band = Scratch.floats(BAND, rows * columns);
                    sgemmWhole(transA, transB, rows, columns, k, alpha, a, aAt, lda, b, bAt, ldb, 0f, band, 0, columns);
                    GemmEpilogue.copy(band, 0, columns, c, cAt, ldc, rows, columns, false);
                } else {
                    sgemmWhole(transA, transB, rows, columns, k, alpha, a, aAt, lda, b, bAt, ldb, beta, c, cAt, ldc);
                }
            });
        } else {
            sgemmWhole(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        }
    }

    /**
     * In place, each band writes the bias into its block of C (or of its scratch array), multiplies onto it, and applies
     * the ReLU to the block while it is in the cache: no serial pass over C for the bias before the GEMM and no parallel
     * pass for the ReLU after it, and no block of C written by another thread than the one that computes it.
     */
    @Override
    public void sgemmBias(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOffset, int lda,
                          float[] b, int bOffset, int ldb, float[] bias, int biasOffset, boolean relu,
                          float[] c, int cOffset, int ldc) {
        if (inPlace == null || !BANDED || m == 0 || n == 0 || k == 0) {
            Blas.super.sgemmBias(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, bias, biasOffset, relu, c, cOffset, ldc);
            return;
        }
        GemmArguments.checkBias(n, bias, biasOffset);
        GemmArguments.checkShapeAndC(transA, transB, m, n, k, lda, ldb, ldc, c, c == null ? 0 : c.length, cOffset);
        GemmArguments.checkAB(transA, transB, m, n, k, a, a == null ? 0 : a.length, aOffset, lda,
                b, b == null ? 0 : b.length, bOffset, ldb);
        GemmBands.run(m, n, k, Parallel.threads(), false, (r0, r1, c0, c1) -> {
            int rows = r1 - r0;
            int columns = c1 - c0;
            int cAt = cOffset + r0 * ldc + c0;
            boolean inScratch = computesInScratch(rows, columns, n);
            float[] target = inScratch ? Scratch.floats(BAND, rows * columns) : c;
            int targetAt = inScratch ? 0 : cAt;
            int ldTarget = inScratch ? columns : ldc;
            for (int r = 0; r < rows; r++) {
                System.arraycopy(bias, biasOffset + c0, target, targetAt + r * ldTarget, columns);
            }
            sgemmWhole(transA, transB, rows, columns, k, 1f, a, aOffset + (transA ? r0 : r0 * lda), lda,
                    b, bOffset + (transB ? c0 * ldb : c0), ldb, 1f, target, targetAt, ldTarget);
            if (inScratch) {
                GemmEpilogue.copy(target, 0, columns, c, cAt, ldc, rows, columns, relu);
            } else if (relu) {
                GemmEpilogue.relu(c, cAt, ldc, rows, columns);
            }
        });
    }

    /**
     * Whether a band of C is computed in a scratch array of its own and copied into C after: a column band (narrower
     * than C) of at most {@link #BAND_SCRATCH_MAX_FLOATS}, on the in-place path. Why: side by side, column bands share
     * the cache line at their edge in every row of C, and OpenBLAS writes C once per block of k, so those lines move
     * between the two cores all through the GEMM (two threads on 128x784x512 ran at 245 GFLOP/s on C's halves in
     * place and at 271-275 with the halves apart, 2026-12-02). The copy writes each of them once. The scratch array has
     * the band's width as its leading dimension; OpenBLAS's arithmetic does not depend on C's layout, so the bits are
     * those of the band computed in place (tested).
     */
    private boolean computesInScratch(int rows, int columns, int n) {
        return inPlace != null && bandScratch && columns < n && (long) rows * columns <= BAND_SCRATCH_MAX_FLOATS;
    }

    /**
     * As a 1 x 1 GEMM, {@code x} one row and {@code y} one transposed row: OpenBLAS takes that to its vectorized dot
     * kernel, 2.5 us per 32k floats on this project's AVX-512 machine against 9.7 us for the best pure-Java loop (C2
     * does not vectorize a floating-point reduction). It sums in float32 registers: within about 1e-6 of the exact
     * value over 32k elements, where the Java loop's double sums are within an ulp of the float32 result. The copying
     * path keeps the Java loop: copying the operands would cost more than summing them.
     */
    @Override
    public double sdot(int n, float[] x, int xOffset, float[] y, int yOffset) {
        if (inPlace == null) {
            return JavaBlas.dotInDouble(n, x, xOffset, y, yOffset);
        }
        if (n == 0) {
            return 0;
        }
        float[] c = new float[1];
        sgemmWhole(false, true, 1, 1, n, 1f, x, xOffset, n, y, yOffset, n, 0f, c, 0, 1);
        return c[0];
    }

    /** One checked, non-empty GEMM on the current thread: in place, or through this thread's scratch buffers. */
    private void sgemmWhole(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOffset,
                            int lda, float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc) {
        if (inPlace != null) {
            inPlace.sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
            return;
        }
        int aSpan = (int) span(transA ? k : m, transA ? m : k, lda);
        int bSpan = (int) span(transB ? n : k, transB ? k : n, ldb);
        int cSpan = (int) span(m, n, ldc);
        NativeBuffers s = buffers.get();
        FloatPointer pa = s.floats(0, aSpan);
        FloatPointer pb = s.floats(1, bSpan);
        FloatPointer pc = s.floats(2, cSpan);
        pa.put(a, aOffset, aSpan);
        pb.put(b, bOffset, bSpan);
        if (beta != 0f || ldc != n) {
            // the copy back covers C's whole span: the padding between its rows must go back as it was
            pc.put(c, cOffset, cSpan);
        }
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
        pc.get(c, cOffset, cSpan);
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
        if (BANDED) {
            GemmBands.run(m, n, k, Parallel.threads(), inPlace == null, (r0, r1, c0, c1) -> dgemmWhole(transA, transB, r1 - r0, c1 - c0, k,
                    alpha, a, aOffset + (transA ? r0 : r0 * lda), lda, b, bOffset + (transB ? c0 * ldb : c0), ldb,
                    beta, c, cOffset + r0 * ldc + c0, ldc));
        } else {
            dgemmWhole(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        }
    }

    private void dgemmWhole(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOffset,
                            int lda, double[] b, int bOffset, int ldb, double beta, double[] c, int cOffset, int ldc) {
        if (inPlace != null) {
            inPlace.dgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
            return;
        }
        int aSpan = (int) span(transA ? k : m, transA ? m : k, lda);
        int bSpan = (int) span(transB ? n : k, transB ? k : n, ldb);
        int cSpan = (int) span(m, n, ldc);
        NativeBuffers s = buffers.get();
        DoublePointer pa = s.doubles(0, aSpan);
        DoublePointer pb = s.doubles(1, bSpan);
        DoublePointer pc = s.doubles(2, cSpan);
        pa.position(0).put(a, aOffset, aSpan);
        pb.position(0).put(b, bOffset, bSpan);
        if (beta != 0.0 || ldc != n) {
            pc.position(0).put(c, cOffset, cSpan);
        }
        cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
        pc.position(0).get(c, cOffset, cSpan);
    }

    /** Per-thread off-heap buffers for the three operands of the copying path, grown on demand and reused. */
    private static final class NativeBuffers {
        private final FloatPointer[] floats = new FloatPointer[3];
        private final DoublePointer[] doubles = new DoublePointer[3];

        private final FloatPointer[] allocations = new FloatPointer[3];

        /** A buffer of at least {@code size} floats whose first element sits on a 64-byte boundary. */
        FloatPointer floats(int slot, int size) {
            if (floats[slot] == null || floats[slot].limit() < size) {
                if (allocations[slot] != null) {
                    allocations[slot].close();
                }
                int capacity = Math.max(size, 1024);
                FloatPointer raw = new FloatPointer(capacity + 16L);
                int shift = (int) ((64 - raw.address() % 64) % 64) / Float.BYTES;
                allocations[slot] = raw;
                floats[slot] = raw.getPointer(shift).limit(capacity);
            }
            return floats[slot];
        }

        DoublePointer doubles(int slot, int size) {
            if (doubles[slot] == null || doubles[slot].capacity() < size) {
                if (doubles[slot] != null) {
                    doubles[slot].close();
                }
                doubles[slot] = new DoublePointer(Math.max(size, 1024));
            }
            return doubles[slot];
        }
    }
}
