package dev.temper.tensor;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Float32 arrays handed back by their last user, for the next tensor of the same size on the same thread:
 * {@link Tensor#recycled} and {@link Tensor#recycle}.
 *
 * <p>Why: a fresh array is zeroed by the JVM on memory that is not in cache, 18-30 us for 256 KB on this project's
 * 2-core machine against 2-5 us to clear one used a moment ago; a training step of the benchmark MLP made two input
 * gradients of that size a step, which the autograd engine now hands back once their one consumer has run (see
 * {@code Backward.Consuming}). Arrays of at least {@link #MIN_FLOATS} and at most {@link #MAX_FLOATS} are kept, at
 * most {@link #PER_LENGTH} of each length per thread, so the pool stays a few arrays deep.
 */
final class RecycledStorage {
    /** Smaller arrays are cheap to make fresh. */
    static final int MIN_FLOATS = 1 << 14;
    /** Larger ones are left to the collector, so that one huge batch does not pin its memory. */
    static final int MAX_FLOATS = 1 << 24;
    static final int PER_LENGTH = 4;

    private static final ThreadLocal<Map<Integer, ArrayDeque<float[]>>> FREE = ThreadLocal.withInitial(HashMap::new);

    private RecycledStorage() {}

    /** An array of exactly {@code length} floats handed back on this thread, or null; contents undefined. */
    static float[] take(int length) {
        if (length < MIN_FLOATS || length > MAX_FLOATS) {
            return null;
        }
        ArrayDeque<float[]> free = FREE.get().get(length);
        return free == null ? null : free.pollFirst(); // the last one handed back: the likeliest to be in cache
    }

    /** Keeps {@code array} for {@link #take}; its last user promises that nothing reads or writes it any more. */
    static void give(float[] array) {
        int length = array.length;
        if (length < MIN_FLOATS || length > MAX_FLOATS) {
            return;
        }
        ArrayDeque<float[]> free = FREE.get().computeIfAbsent(length, k -> new ArrayDeque<>());
        if (free.size() >= PER_LENGTH) {
            return;
        }
        for (float[] kept : free) {
            if (kept == array) {
                return; // handed back twice: keep it once, or two tensors would share it
            }
        }
        free.addFirst(array);
    }
}
