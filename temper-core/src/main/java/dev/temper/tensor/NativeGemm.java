package dev.temper.tensor;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * temper's JNI shim ({@code src/main/c/temper_gemm.c}): OpenBLAS's {@code cblas_sgemm} and {@code cblas_dgemm}
 * called on the Java arrays themselves, pinned with {@code GetPrimitiveArrayCritical}, instead of on copies in
 * native memory.
 *
 * <p>The Maven build compiles the shim with gcc into the jar, under {@code dev/temper/tensor/native/<os.name>-<os.arch>/}
 * (a build without gcc or the JDK's headers leaves it out). {@link #load} extracts it to a temporary file, loads it,
 * and looks up the two CBLAS functions in the OpenBLAS library JavaCPP loaded; the shim gets their addresses as
 * arguments, so it links to no library of its own. Callers check every argument first ({@link GemmArguments}):
 * the shim trusts them.
 */
final class NativeGemm {
    static final String RESOURCE = "native/" + System.getProperty("os.name") + "-" + System.getProperty("os.arch")
            + "/libtemper_gemm.so";

    /** Guarded by the class: a second System.load of another copy would not rebind the natives. */
    private static boolean loaded;

    private final long sgemm;
    private final long dgemm;

    private NativeGemm(long sgemm, long dgemm) {
        this.sgemm = sgemm;
        this.dgemm = dgemm;
    }

    /**
     * Loads the shim and binds it to the CBLAS functions of the OpenBLAS library at {@code openBlasPath}.
     *
     * @throws UnsatisfiedLinkError with the reason when the jar has no shim for this platform or it cannot load
     */
    static NativeGemm load(String openBlasPath) {
        loadShim();
        NativeLibrary openBlas = NativeLibrary.getInstance(openBlasPath);
        long s = Pointer.nativeValue(openBlas.getFunction("cblas_sgemm"));
        long d = Pointer.nativeValue(openBlas.getFunction("cblas_dgemm"));
        return new NativeGemm(s, d);
    }

    private static synchronized void loadShim() {
        if (loaded) {
            return;
        }
        try (InputStream in = NativeGemm.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new UnsatisfiedLinkError("temper's GEMM shim was not built for " + System.getProperty("os.name")
                        + "-" + System.getProperty("os.arch") + " (no gcc or JDK headers at build time)");
            }
            Path file = Files.createTempFile("temper-gemm-", ".so");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                System.load(file.toAbsolutePath().toString());
            } finally {
                // The loaded library stays mapped after its file is gone (Linux), so nothing is left behind.
                Files.deleteIfExists(file);
            }
            loaded = true;
        } catch (IOException e) {
            throw new UnsatisfiedLinkError("cannot extract temper's GEMM shim: " + e.getMessage());
        }
    }

    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOffset, int lda,
               float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc) {
        sgemm(sgemm, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOffset, int lda,
               double[] b, int bOffset, int ldb, double beta, double[] c, int cOffset, int ldc) {
        dgemm(dgemm, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    private static native void sgemm(long function, boolean transA, boolean transB, int m, int n, int k,
                                     float alpha, float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                                     float beta, float[] c, int cOffset, int ldc);

    private static native void dgemm(long function, boolean transA, boolean transB, int m, int n, int k,
                                     double alpha, double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                                     double beta, double[] c, int cOffset, int ldc);
}
