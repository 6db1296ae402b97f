package dev.temper.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * One epoch of {@link Batches} whose next batches are gathered (and optionally prepared, e.g. augmented) on one
 * background daemon thread while the caller trains on the current one; a bounded queue of {@code capacity}
 * batches keeps memory flat.
 *
 * <p>Same batches, same order: the epoch's permutation is drawn on the constructing thread, exactly when
 * {@code batches.iterator()} would draw it, and the background thread then walks that one iterator in order, so the
 * contents are bit-for-bit those of iterating {@code batches} directly.
 *
 * <p>Always close it (try-with-resources): {@link #close()} stops and joins the thread even when iteration stops
 * early. Running off the end also ends the thread. A failure on the background thread is rethrown by
 * {@link #hasNext()}/{@link #next()}.
 *
 * <pre>{@code
 * try (PrefetchingBatches epoch = new PrefetchingBatches(new Batches(train, 64, rng, false), 2)) {
 *     while (epoch.hasNext()) { step(epoch.next()); }
 * }
 * }</pre>
 */
public final class PrefetchingBatches implements Iterator<Batch>, AutoCloseable {
    /** Prefix of the background thread's name (followed by a counter), so tests and thread dumps can find it. */
    public static final String THREAD_NAME = "temper-prefetch-";

    private static final AtomicInteger THREADS = new AtomicInteger();

    private record Item(Batch batch, RuntimeException error) {}

    private static final Item END = new Item(null, null);

    private final BlockingQueue<Item> queue;
    private final Thread worker;
    private Item peeked;
    private boolean finished;

    public PrefetchingBatches(Batches batches, int capacity) {
        this(batches, capacity, UnaryOperator.identity());
    }

    /**
     * @param capacity batches prepared ahead, >= 1 (1 or 2 is enough to hide gathering behind a training step)
     * @param prepare applied to each batch on the background thread, in batch order; any {@code Rng} it uses must
     *     not be used elsewhere meanwhile (it is then deterministic, since one thread applies it in order)
     */
    public PrefetchingBatches(Batches batches, int capacity, UnaryOperator<Batch> prepare) {
        if (capacity < 1) {
            throw new IllegalArgumentException("PrefetchingBatches capacity must be >= 1, got " + capacity);
        }
        if (batches.reusesFeatures()) {
            throw new IllegalArgumentException("PrefetchingBatches: these Batches reuse one features tensor (reusingFeatures()), "
                    + "which batches gathered ahead would overwrite; pass the Batches without it");
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        Iterator<Batch> source = batches.iterator(); // draws the epoch's permutation here, on the caller's thread
        this.worker = new Thread(() -> produce(source, prepare), THREAD_NAME + THREADS.incrementAndGet());
        worker.setDaemon(true);
        worker.start();
    }

    private void produce(Iterator<Batch> source, UnaryOperator<Batch> prepare) {
        try {
            try {
                while (source.hasNext()) {
                    queue.put(new Item(prepare.apply(source.next()), null));
                }
            } catch (RuntimeException e) {
                queue.put(new Item(null, e));
                return;
            }
            queue.put(END);
        } catch (InterruptedException e) {
            // close() asked us to stop; nothing to hand over
        }
    }

    @Override
    public boolean hasNext() {
        if (finished) {
            return false;
        }
        if (peeked == null) {
            try {
                peeked = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("PrefetchingBatches interrupted while waiting for a batch", e);
            }
        }
        if (peeked == END) {
            close();
            return false;
        }
        if (peeked.error() != null) {
            RuntimeException error = peeked.error();
            close();
            throw error;
        }
        return true;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Batch batch = peeked.batch();
        peeked = null;
        return batch;
    }

    /** Stops the background thread and waits for it to end; idempotent. */
    @Override
    public void close() {
        finished = true;
        worker.interrupt();
        boolean interrupted = false;
        while (worker.isAlive()) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                interrupted = true; // keep waiting: returning with the thread alive would leak it
            }
        }
        queue.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
