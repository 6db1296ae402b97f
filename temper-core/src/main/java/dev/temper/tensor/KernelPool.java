package dev.temper.tensor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The kernel threads behind {@link Parallel}: workers that spin briefly for the next loop before they park.
 *
 * <p>Why not an {@code ExecutorService}: handing a loop to a parked pool thread and waiting for it cost about
 * 30 us per call on this project's 2-core machine (measured: a 131,072-element loop took 38 us on two threads,
 * 11 us on one), and a training step runs dozens of such loops back to back. A worker that spins for
 * {@link #SPIN_NANOS} after each loop sees the next one within a microsecond; one that has parked is woken
 * with {@code unpark}. The spin is short so that idle workers do not take the cores from OpenBLAS's threads
 * during a GEMM for long.
 *
 * <p>One loop runs at a time. A caller that finds the pool busy (another application thread is using it) or
 * that is itself inside a loop runs serially: the result is the same, because chunks are fixed.
 */
final class KernelPool {
    /** How long an idle worker polls for the next loop before parking. */
    private static final long SPIN_NANOS = 50_000;

    private final Worker[] workers;
    private final ReentrantLock submitting = new ReentrantLock();
    private volatile Loop current;
    private volatile boolean shutDown;

    KernelPool(int workerCount) {
        workers = new Worker[workerCount];
        for (int i = 0; i < workerCount; i++) {
            workers[i] = new Worker("temper-kernel-" + (i + 1));
            workers[i].thread.start();
        }
    }

    int workerCount() {
        return workers.length;
    }

    /** Lets the workers end once idle. */
    void shutDown() {
        shutDown = true;
        for (Worker w : workers) {
            LockSupport.unpark(w.thread);
        }
    }

    /**
     * Runs all chunks on the calling thread and the workers; returns false, having run nothing, when the pool
     * is busy with another caller's loop.
     */
    boolean tryRun(int n, int grain, int chunks, Parallel.ChunkBody body) {
        if (!submitting.tryLock()) {
            return false;
        }
        try {
            Loop loop = new Loop(n, grain, chunks, body);
            current = loop;
            for (Worker w : workers) {
                if (w.parked) {
                    LockSupport.unpark(w.thread);
                }
            }
            loop.work();
            while (loop.finished.get() < chunks) {
                Thread.onSpinWait(); // the others are finishing their last chunk
            }
            if (loop.failure != null) {
                throw loop.failure;
            }
            return true;
        } finally {
            submitting.unlock();
        }
    }

    /** One parallel loop: chunks are claimed from a shared counter until none are left. */
    private static final class Loop {
        final int n;
        final int grain;
        final int chunks;
        final Parallel.ChunkBody body;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        volatile RuntimeException failure;

        Loop(int n, int grain, int chunks, Parallel.ChunkBody body) {
            this.n = n;
            this.grain = grain;
            this.chunks = chunks;
            this.body = body;
        }

        void work() {
            Parallel.enterLoop();
            try {
                for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                    try {
                        body.run(c, c * grain, Math.min(n, (c + 1) * grain));
                    } catch (RuntimeException | Error e) {
                        fail(e);
                    }
                    finished.incrementAndGet();
                }
            } finally {
                Parallel.leaveLoop();
            }
        }

        private void fail(Throwable e) {
            synchronized (this) {
                if (failure == null) {
                    failure = e instanceof RuntimeException r ? r : new RuntimeException(e);
                }
            }
            int claimed = next.getAndSet(chunks);
            if (claimed < chunks) {
                finished.addAndGet(chunks - claimed); // the chunks no one will run now
            }
        }
    }

    private final class Worker implements Runnable {
        final Thread thread;
        volatile boolean parked;

        Worker(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            Loop seen = null;
            long idleSince = System.nanoTime();
            while (!shutDown) {
                Loop loop = current;
                if (loop != seen) {
                    seen = loop;
                    loop.work();
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (current == seen && !shutDown) { // re-check after announcing: no missed wake-up
                        LockSupport.park(this);
                    }
                    parked = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
