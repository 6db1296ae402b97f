package dev.temper.data;

import dev.temper.tensor.Rng;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * One epoch of mini-batches over a dataset: a fresh seeded permutation per epoch when shuffling (drawn from the
 * generator passed in, so the order is reproducible), batches gathered by index (copies, contiguous).
 * The last batch may be smaller unless {@code dropLast}.
 */
public final class Batches implements Iterable<Batch> {
    private final Dataset data;
    private final int batchSize;
    private final Rng shuffle;
    private final boolean dropLast;

    /** @param shuffle the generator for this epoch's order, or null to keep the dataset's order */
    public Batches(Dataset data, int batchSize, Rng shuffle, boolean dropLast) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
    }

    /** Number of batches in the epoch. */
    public int count() {
        return dropLast ? data.size() / batchSize : (data.size() + batchSize - 1) / batchSize;
    }

    @Override
    public Iterator<Batch> iterator() {
        int n = data.size();
        int[] order = shuffle == null ? null : shuffle.permutation(n);
        int batches = count();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int start = next * batchSize;
                int end = Math.min(n, start + batchSize);
                next++;
                if (order == null) {
                    return new Batch(data.features().rows(start, end), data.targets().rows(start, end));
                }
                int[] rows = java.util.Arrays.copyOfRange(order, start, end);
                return new Batch(data.features().gatherRows(rows), data.targets().gatherRows(rows));
            }
        };
    }
}
