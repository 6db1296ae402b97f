package dev.temper.tensor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Splits one GEMM into bands of {@code C} and runs them on the caller plus a small private pool.
 *
 * <p>Bands are rows of {@code C} (whole multiples of the kernel's three rows), or columns when {@code C} has
 * too few rows to go round. The split depends only on the shape and the thread count, and each element of
 * {@code C} is computed by exactly one thread; the kernels make the bits independent of the split anyway.
 *
 * <p>The pool has {@code threads - 1} daemon threads named {@code temper-javablas-N}, made on first need and
 * let go after a minute idle, so a replaced {@link JavaBlas} leaves no threads behind. The caller works too,
 * claiming bands from the same counter as the pool's threads: when several callers share the pool, nobody
 * waits for a band that no thread has started.
 */
final class GemmThreads {

    /** What a band computes: {@code C[rowStart..rowEnd) x [columnStart..columnEnd)}. */
    @FunctionalInterface
    interface Block {
        void compute(int rowStart, int rowEnd, int columnStart, int columnEnd);
    }

    /** Below this many flops (about 0.1 ms of work) handing work to another thread costs more than it saves. */
    private static final long MIN_FLOPS_PER_BAND = 1L << 22;
    /** Row bands are multiples of the micro-kernel's rows; column bands of a SIMD-friendly width. */
    private static final int ROW_GRAIN = 3;
    private static final int COLUMN_GRAIN = 16;
    private static final long IDLE_SECONDS = 60;

    private final int threads;
    private final AtomicInteger threadNumber = new AtomicInteger();
    private ThreadPoolExecutor pool;

    GemmThreads(int threads) {
        this.threads = threads;
    }

    /** Computes the whole {@code m x n} product of depth {@code k} through {@code block}. */
    void run(int m, int n, int k, Block block) {
        long flops = 2L * m * n * k;
        int bands = (int) Math.max(1, Math.min(threads, flops / MIN_FLOPS_PER_BAND));
        if (bands == 1) {
            block.compute(0, m, 0, n);
            return;
        }
        boolean byRows = m >= bands * ROW_GRAIN * 2;
        int extent = byRows ? m : n;
        int grain = byRows ? ROW_GRAIN : COLUMN_GRAIN;
        int perBand = roundUp((extent + bands - 1) / bands, grain);
        int bandCount = (extent + perBand - 1) / perBand;
        if (bandCount == 1) {
            block.compute(0, m, 0, n);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(bandCount);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int band = next.getAndIncrement(); band < bandCount; band = next.getAndIncrement()) {
                int start = band * perBand;
                int end = Math.min(extent, start + perBand);
                try {
                    if (byRows) {
                        block.compute(start, end, 0, n);
                    } else {
                        block.compute(0, m, start, end);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }
        };
        ThreadPoolExecutor helpers = pool();
        for (int i = 1; i < Math.min(bandCount, threads); i++) {
            helpers.execute(worker);
        }
        worker.run();
        awaitUninterruptibly(done);
        Throwable e = failure.get();
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        } else if (e instanceof Error error) {
            throw error;
        } else if (e != null) {
            throw new IllegalStateException("GEMM band failed", e);
        }
    }

    /** Returning before the bands finish would let them write into C behind the caller's back. */
    private static void awaitUninterruptibly(CountDownLatch done) {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized ThreadPoolExecutor pool() {
        if (pool == null) {
            pool = new ThreadPoolExecutor(threads - 1, threads - 1, IDLE_SECONDS, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), task -> {
                        Thread thread = new Thread(task, "temper-javablas-" + threadNumber.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            pool.allowCoreThreadTimeOut(true);
        }
        return pool;
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
