package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecycledStorageTest {

    @Test
    void storageHandedBackIsHandedOutAgainForTheSameSizeOnly() {
        Tensor used = Tensor.zeros(DType.FLOAT32, 128, 160); // 20,480 floats: above the smallest size kept
        float[] storage = used.floatData();
        Tensor.recycle(used);
        assertNotSame(storage, Tensor.recycled(DType.FLOAT32, 128, 161).floatData(), "another size gets fresh storage");
        Tensor again = Tensor.recycled(DType.FLOAT32, 160, 128); // the same length, another shape
        assertSame(storage, again.floatData());
        assertEquals(Shape.of(160, 128), again.shape());
        assertNotSame(storage, Tensor.recycled(DType.FLOAT32, 160, 128).floatData(), "handed out once");
    }

    @Test
    void viewsSmallArraysAndFloat64AreNotKept() {
        Tensor big = Tensor.zeros(DType.FLOAT32, 200, 200);
        Tensor.recycle(big.rows(0, 100)); // part of a larger array: others may still use the rest
        assertNotSame(big.floatData(), Tensor.recycled(DType.FLOAT32, 200, 200).floatData());
        Tensor small = Tensor.zeros(DType.FLOAT32, 10, 10);
        Tensor.recycle(small);
        assertNotSame(small.floatData(), Tensor.recycled(DType.FLOAT32, 10, 10).floatData());
        Tensor d = Tensor.zeros(DType.FLOAT64, 200, 200);
        Tensor.recycle(d);
        assertEquals(DType.FLOAT64, Tensor.recycled(DType.FLOAT64, 200, 200).dtype());
        float[] zeros = Tensor.recycled(DType.FLOAT32, 77, 300).toFloatArray(); // nothing kept of that size: fresh zeros
        assertArrayEquals(new float[77 * 300], zeros);
    }

    @Test
    void storageHandedBackTwiceIsKeptOnce() {
        Tensor t = Tensor.zeros(DType.FLOAT32, 64, 400);
        Tensor.recycle(t);
        Tensor.recycle(t);
        float[] first = Tensor.recycled(DType.FLOAT32, 64, 400).floatData();
        float[] second = Tensor.recycled(DType.FLOAT32, 64, 400).floatData();
        assertSame(t.floatData(), first);
        assertNotSame(first, second);
    }

    @Test
    void aGemmWithBetaZeroIntoRecycledStorageIgnoresWhatWasThere() {
        Rng rng = new Rng(4);
        Tensor a = rng.normal(0f, 1f, 128, 40);
        Tensor b = rng.normal(0f, 1f, 300, 40);
        Tensor stale = Tensor.zeros(DType.FLOAT32, 128, 300);
        Arrays.fill(stale.floatData(), Float.NaN);
        Tensor.recycle(stale);
        Tensor out = Tensor.recycled(DType.FLOAT32, 128, 300);
        assertSame(stale.floatData(), out.floatData());
        out.matmulAccumulateInPlace(a, b.transpose(), 0.0);
        assertArrayEquals(a.matmul(b.transpose()).toFloatArray(), out.toFloatArray());
    }

    @Test
    void aThreadKeepsAFewArraysOfALengthAndABoundedTotal() throws InterruptedException {
        // on a thread of its own, so that other tests' kept arrays do not count
        boolean[] ok = new boolean[1];
        Thread t = new Thread(() -> {
            for (int i = 0; i <= RecycledStorage.PER_LENGTH; i++) {
                RecycledStorage.give(new float[RecycledStorage.MIN_FLOATS]);
            }
            int kept = 0;
            while (RecycledStorage.take(RecycledStorage.MIN_FLOATS) != null) {
                kept++;
            }
            // the largest arrays kept, until the total is full: then what was kept is dropped for the newest
            int len = RecycledStorage.MAX_FLOATS;
            int fit = (int) (RecycledStorage.MAX_KEPT_FLOATS / len);
            RecycledStorage.give(new float[RecycledStorage.MIN_FLOATS]);
            float[] last = null;
            for (int i = 0; i < fit; i++) {
                last = new float[len];
                RecycledStorage.give(last);
            }
            ok[0] = kept == RecycledStorage.PER_LENGTH && RecycledStorage.take(RecycledStorage.MIN_FLOATS) == null
                    && RecycledStorage.take(len) == last && RecycledStorage.take(RecycledStorage.MAX_FLOATS + 1) == null;
        });
        t.start();
        t.join();
        assertEquals(true, ok[0]);
    }
}
