package dev.temper.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class PrefetchingBatchesTest {
    private static Dataset data(int n) {
        Rng rng = new Rng(99);
        return new Dataset(rng.normal(0f, 1f, n, 3), rng.uniform(0f, 10f, n));
    }

    private static List<Batch> plain(Dataset d, int batchSize, long seed, boolean dropLast) {
        List<Batch> out = new ArrayList<>();
        for (Batch b : new Batches(d, batchSize, new Rng(seed), dropLast)) {
            out.add(b);
        }
        return out;
    }

    private static List<Batch> prefetched(Dataset d, int batchSize, long seed, boolean dropLast, int capacity) {
        List<Batch> out = new ArrayList<>();
        try (PrefetchingBatches it = new PrefetchingBatches(new Batches(d, batchSize, new Rng(seed), dropLast), capacity)) {
            while (it.hasNext()) {
                out.add(it.next());
            }
        }
        return out;
    }

    private static void assertSameBatches(List<Batch> expected, List<Batch> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).features().shape(), actual.get(i).features().shape());
            assertArrayEquals(expected.get(i).features().toFloatArray(), actual.get(i).features().toFloatArray(), "batch " + i);
            assertArrayEquals(expected.get(i).targets().toFloatArray(), actual.get(i).targets().toFloatArray(), "batch " + i);
        }
    }

    private static boolean prefetchThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith(PrefetchingBatches.THREAD_NAME) && t.isAlive());
    }

    @Test
    void givesTheSameBatchesInTheSameOrderAsPlainBatching() {
        Dataset d = data(103);
        for (int batchSize : new int[] {1, 7, 32, 103, 500}) {
            for (boolean dropLast : new boolean[] {false, true}) {
                for (int capacity : new int[] {1, 2}) {
                    assertSameBatches(plain(d, batchSize, 5, dropLast), prefetched(d, batchSize, 5, dropLast, capacity));
                }
            }
        }
    }

    @Test
    void dropLastLeavesOutTheShortBatch() {
        Dataset d = data(10);
        List<Batch> kept = prefetched(d, 4, 1, false, 2);
        List<Batch> dropped = prefetched(d, 4, 1, true, 2);
        assertEquals(3, kept.size());
        assertEquals(2, kept.get(2).size());
        assertEquals(2, dropped.size());
        assertEquals(0, prefetched(d, 11, 1, true, 2).size());
    }

    @Test
    void drawsTheEpochPermutationOnTheCallersThreadLikePlainBatching() {
        Dataset d = data(20);
        Rng a = new Rng(3);
        Rng b = new Rng(3);
        new Batches(d, 5, a, false).iterator();
        new PrefetchingBatches(new Batches(d, 5, b, false), 1).close();
        assertEquals(a.nextLong(), b.nextLong());
    }

    @Test
    void closingEarlyStopsTheBackgroundThread() {
        Dataset d = data(200);
        PrefetchingBatches it = new PrefetchingBatches(new Batches(d, 1, new Rng(2), false), 1);
        assertTrue(it.hasNext());
        it.next();
        it.close();
        assertFalse(prefetchThreadAlive(), "no prefetch thread may survive close()");
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        it.close(); // idempotent
    }

    @Test
    void runningOffTheEndEndsTheThread() {
        prefetched(data(9), 4, 8, false, 2);
        assertFalse(prefetchThreadAlive());
    }

    @Test
    void preparesBatchesInOrderAndRethrowsItsFailures() {
        Dataset d = data(12);
        List<Batch> expected = plain(d, 5, 4, false);
        try (PrefetchingBatches it = new PrefetchingBatches(new Batches(d, 5, new Rng(4), false), 2,
                b -> new Batch(b.features().mul(2.0), b.targets()))) {
            for (Batch e : expected) {
                assertArrayEquals(e.features().mul(2.0).toFloatArray(), it.next().features().toFloatArray());
            }
            assertFalse(it.hasNext());
        }
        IllegalStateException boom = new IllegalStateException("boom");
        try (PrefetchingBatches it = new PrefetchingBatches(new Batches(d, 5, null, false), 2, b -> {
            throw boom;
        })) {
            assertSame(boom, assertThrows(IllegalStateException.class, it::hasNext));
            assertFalse(it.hasNext());
        }
        assertFalse(prefetchThreadAlive());
    }

    @Test
    void rejectsCapacityBelowOne() {
        String m = assertThrows(IllegalArgumentException.class, () -> new PrefetchingBatches(new Batches(data(3), 1, null, false), 0))
                .getMessage();
        assertTrue(m.contains("capacity") && m.contains("0"), m);
    }
}
