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
 * (measured: an Adam step over 670k parameters took 0.26 ms on arrays, 1.9 ms on a direct FloatBuffer). Passing
 * arrays to JavaCPP's array overloads makes JNI copy them to fresh native memory on every call (measured 30%
 * slower GEMM at 128x784x512), so instead each thread keeps reusable off-heap scratch buffers and copies the
 * operands in and the result out itself.
 *
 * <p>The copies still cost 25-35% at the MLP's shapes on a 2-core AVX-512 Xeon (raw GEMM 160-190 GFLOP/s at
 * 128x784x512, with copies 110-125): JNI copies run at about 15 GB/s, and splitting them across two threads
 * gained nothing measurable. Avoiding them needs zero-copy access to heap arrays (a JNI shim with
 * GetPrimitiveArrayCritical, or JDK 22's FFM heap segments), which Java 17 and Maven alone cannot give.
 * Scratch buffers start on a 64-byte boundary (malloc gives 16): raw GEMM 181 to 196 GFLOP/s there.
 */
final class OpenBlas implements Blas {
    private final String name;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private OpenBlas(String name) {
        this.name = name;
    }

    /** Loads the native library; throws if it cannot. */
    static OpenBlas load(int threads) {
        String forced = CpuFeatures.prepareOpenBlasEnvironment(threads);
        Loader.load(openblas_nolapack.class);
        openblas_nolapack.blas_set_num_threads(threads);
        String core = coreName();
        return new OpenBlas(openblas_nolapack.OPENBLAS_VERSION.trim() + " (" + core + " kernels"
                + (forced != null ? ", forced by temper: the CPU has AVX-512" : "") + ")");
    }

    /** The kernel family OpenBLAS chose, asked of the library itself. */
    private static String coreName() {
        try {
            for (String path : Loader.getLoadedLibraries().values()) {
                if (path != null && path.contains("libopenblas")) {
                    Function f = NativeLibrary.getInstance(path).getFunction("openblas_get_corename");
                    return f.invokeString(new Object[0], false).trim();
                }
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // fall through
        }
        return "unknown";
    }

    void setThreads(int threads) {
        openblas_nolapack.blas_set_num_threads(threads);
    }

    @Override
    public String name() {
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
        if (m == 0 || n == 0) {
            return;
        }
        int aSpan = (int) span(transA ? k : m, transA ? m : k, lda);
        int bSpan = (int) span(transB ? n : k, transB ? k : n, ldb);
        int cSpan = (int) span(m, n, ldc);
        Scratch s = scratch.get();
        FloatPointer pa = s.floats(0, aSpan);
        FloatPointer pb = s.floats(1, bSpan);
        FloatPointer pc = s.floats(2, cSpan);
        pa.put(a, aOffset, aSpan);
        pb.put(b, bOffset, bSpan);
        if (beta != 0f) {
            pc.put(c, cOffset, cSpan);
        }
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                m, n, k, alpha, pa, Math.max(lda, 1), pb, Math.max(ldb, 1), beta, pc, Math.max(ldc, 1));
        pc.get(c, cOffset, cSpan);
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k,
                      double alpha, double[] a, int aOffset, int lda,
                      double[] b, int bOffset, int ldb,
                      double beta, double[] c, int cOffset, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        int aSpan = (int) span(transA ? k : m, transA ? m : k, lda);
        int bSpan = (int) span(transB ? n : k, transB ? k : n, ldb);
        int cSpan = (int) span(m, n, ldc);
        Scratch s = scratch.get();
        DoublePointer pa = s.doubles(0, aSpan);
        DoublePointer pb = s.doubles(1, bSpan);
        DoublePointer pc = s.doubles(2, cSpan);
        pa.position(0).put(a, aOffset, aSpan);
        pb.position(0).put(b, bOffset, bSpan);
        if (beta != 0.0) {
            pc.position(0).put(c, cOffset, cSpan);
        }
        cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                m, n, k, alpha, pa, Math.max(lda, 1), pb, Math.max(ldb, 1), beta, pc, Math.max(ldc, 1));
        pc.position(0).get(c, cOffset, cSpan);
    }

    /** Per-thread off-heap buffers for the three operands, grown on demand and reused. */
    private static final class Scratch {
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
