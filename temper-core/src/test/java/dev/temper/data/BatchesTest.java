package dev.temper.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchesTest {
    private static Dataset data(int n) {
        Rng rng = new Rng(7);
        return new Dataset(rng.normal(0f, 1f, n, 2, 3), rng.uniform(0f, 10f, n));
    }

    /** Each batch's features and targets as they are when handed out (copied before the next is taken). */
    private static List<float[][]> contents(Batches batches) {
        List<float[][]> out = new ArrayList<>();
        for (Batch b : batches) {
            out.add(new float[][] {b.features().toFloatArray(), b.targets().toFloatArray()});
        }
        return out;
    }

    @Test
    void reusingTheFeaturesTensorGivesTheSameBatches() {
        Dataset d = data(103);
        for (int batchSize : new int[] {1, 10, 32, 103, 200}) {
            for (boolean dropLast : new boolean[] {false, true}) {
                for (Rng shuffle : new Rng[] {new Rng(3), null}) {
                    long seed = shuffle == null ? 0 : 3;
                    List<float[][]> plain = contents(new Batches(d, batchSize, shuffle == null ? null : new Rng(seed), dropLast));
                    List<float[][]> reused = contents(new Batches(d, batchSize, shuffle == null ? null : new Rng(seed), dropLast).reusingFeatures());
                    assertEquals(plain.size(), reused.size());
                    for (int i = 0; i < plain.size(); i++) {
                        assertArrayEquals(plain.get(i)[0], reused.get(i)[0], "features of batch " + i + ", size " + batchSize);
                        assertArrayEquals(plain.get(i)[1], reused.get(i)[1], "targets of batch " + i + ", size " + batchSize);
                    }
                }
            }
        }
    }

    @Test
    void fullBatchesShareOneFeaturesTensorAndAShortLastBatchHasItsOwn() {
        Dataset d = data(25);
        List<Tensor> features = new ArrayList<>();
        for (Batch b : new Batches(d, 10, new Rng(1), false).reusingFeatures()) {
            features.add(b.features());
        }
        assertEquals(3, features.size());
        assertSame(features.get(0), features.get(1));
        assertNotSame(features.get(1), features.get(2));
        assertEquals(5, features.get(2).dim(0));
        List<Tensor> fresh = new ArrayList<>();
        for (Batch b : new Batches(d, 10, new Rng(1), false)) {
            fresh.add(b.features());
        }
        assertNotSame(fresh.get(0), fresh.get(1));
        assertTrue(new Batches(d, 10, null, false).reusingFeatures().reusesFeatures());
    }

    @Test
    void batchesGatheredAheadCannotReuseOneTensor() {
        Batches reusing = new Batches(data(20), 4, new Rng(2), false).reusingFeatures();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PrefetchingBatches(reusing, 2));
        assertTrue(e.getMessage().contains("reusingFeatures"), e.getMessage());
    }
}
