package dev.temper.tensor;

/**
 * Which GEMM the engine uses: OpenBLAS when its native library loads, else the pure-Java {@link JavaBlas}, with
 * one warning line on standard error saying so. Chosen once, on first use.
 *
 * <p>Set {@code -Dtemper.blas=java} to force the Java path (tests use it to compare both), or
 * {@code -Dtemper.blas=openblas-copy} to keep OpenBLAS but copy operands to native memory instead of passing the
 * arrays in place through temper's JNI shim ({@link OpenBlas} explains both; {@link Blas#name()} says which runs).
 */
public final class Backend {
    private static volatile Blas blas;

    private Backend() {}

    /** The GEMM in use, loading it on first call. */
    public static Blas blas() {
        Blas b = blas;
        if (b == null) {
            synchronized (Backend.class) {
                b = blas;
                if (b == null) {
                    b = choose();
                    blas = b;
                }
            }
        }
        return b;
    }

    private static Blas choose() {
        int threads = Parallel.threads();
        if ("java".equalsIgnoreCase(System.getProperty("temper.blas", ""))) {
            return new JavaBlas(threads);
        }
        try {
            return OpenBlas.load(threads);
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError...
            System.err.println("temper: warning: native OpenBLAS could not be loaded (" + firstLine(e)
                    + "); using the pure-Java GEMM, which is much slower");
            return new JavaBlas(threads);
        }
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    static void onThreadsChanged(int threads) {
        Blas b = blas;
        if (b instanceof OpenBlas open) {
            open.setThreads(threads);
        } else if (b instanceof JavaBlas) {
            blas = new JavaBlas(threads);
        }
    }
}
