package dev.temper.tensor;

/**
 * Splits a loop over {@code 0..n} into fixed chunks and runs them on the kernel threads.
 *
 * <p>Chunk boundaries depend only on {@code n} and the grain, never on the thread count, and reductions combine
 * per-chunk partial results in chunk order. So every Java kernel gives the same bits whatever the thread count;
 * only GEMM (OpenBLAS) may depend on it.
 *
 * <p>The thread count defaults to the available processors; the {@code temper.threads} system property or
 * {@link #setThreads(int)} change it (OpenBLAS follows, see {@link Backend}).
 */
public final class Parallel {
    /** Work of one chunk: indices {@code start} (inclusive) to {@code end} (exclusive). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int start, int end);
    }

    /** Work of one chunk that also knows its chunk number (for per-chunk partial results). */
    @FunctionalInterface
    public interface ChunkBody {
        void run(int chunk, int start, int end);
    }

    private static volatile int threads = initialThreads();
    /** True on a thread while it runs chunks: a kernel called from inside a chunk then runs serially. */
    private static final ThreadLocal<boolean[]> INSIDE = ThreadLocal.withInitial(() -> new boolean[1]);
    private static KernelPool workers;

    private Parallel() {}

    private static int initialThreads() {
        String property = System.getProperty("temper.threads");
        if (property != null && !property.isBlank()) {
            try {
                int n = Integer.parseInt(property.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the error below
            }
            throw new IllegalArgumentException("system property temper.threads must be an integer >= 1, got '" + property + "'");
        }
        return Runtime.getRuntime().availableProcessors();
    }

    public static int threads() {
        return threads;
    }

    /** Sets the number of kernel threads (Java kernels and OpenBLAS). */
    public static synchronized void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        threads = n;
        Backend.onThreadsChanged(n);
    }

    /** Number of chunks {@link #forChunks} will use for {@code n} items of the given grain. */
    public static int chunkCount(int n, int grain) {
        return n <= 0 ? 0 : (n + grain - 1) / grain;
    }

    /** Runs {@code body} over {@code 0..n} in chunks of {@code grain} items. */
    public static void forRange(int n, int grain, RangeBody body) {
        forChunks(n, grain, (chunk, start, end) -> body.run(start, end));
    }

    /** Runs {@code body} over {@code 0..n} in chunks of {@code grain} items, passing each chunk's number. */
    public static void forChunks(int n, int grain, ChunkBody body) {
        if (grain < 1) {
            throw new IllegalArgumentException("grain must be >= 1, got " + grain);
        }
        int chunks = chunkCount(n, grain);
        int t = Math.min(threads, chunks);
        // Serial with one chunk or thread, and when nested: inner chunks queued behind the busy outer ones
        // could deadlock, and the outer loop already keeps the threads busy.
        if (t <= 1 || INSIDE.get()[0] || !pool(threads - 1).tryRun(n, grain, chunks, body)) {
            for (int c = 0; c < chunks; c++) {
                body.run(c, c * grain, Math.min(n, (c + 1) * grain));
            }
        }
    }

    static void enterLoop() {
        INSIDE.get()[0] = true;
    }

    static void leaveLoop() {
        INSIDE.get()[0] = false;
    }

    private static synchronized KernelPool pool(int needed) {
        if (workers == null || workers.workerCount() != needed) {
            if (workers != null) {
                workers.shutDown();
            }
            workers = new KernelPool(needed);
        }
        return workers;
    }
}
