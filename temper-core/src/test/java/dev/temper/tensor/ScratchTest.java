package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Scratch arrays: reused per purpose and thread, grown when asked for more, never kept when very large. */
class ScratchTest {

    @Test
    void reusedPerPurposeAndThreadGrownOnDemandAndLargeOnesNotKept() throws InterruptedException {
        float[] a = Scratch.floats("test: a", 100);
        assertTrue(a.length >= 100);
        assertSame(a, Scratch.floats("test: a", 50), "the same array for a smaller request");
        assertNotSame(a, Scratch.floats("test: b", 50), "another purpose has its own");
        float[] grown = Scratch.floats("test: a", 1000);
        assertTrue(grown.length >= 1000);
        assertSame(grown, Scratch.floats("test: a", 10), "the grown array replaces the old one");
        AtomicReference<float[]> other = new AtomicReference<>();
        Thread t = new Thread(() -> other.set(Scratch.floats("test: a", 10)));
        t.start();
        t.join();
        assertNotSame(grown, other.get(), "another thread has its own");
        float[] huge = Scratch.floats("test: huge", Scratch.MAX_KEPT_FLOATS + 1);
        assertNotSame(huge, Scratch.floats("test: huge", Scratch.MAX_KEPT_FLOATS + 1), "very large arrays are not kept");
    }
}
