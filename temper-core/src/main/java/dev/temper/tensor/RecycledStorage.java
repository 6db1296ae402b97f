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
 * most {@link #PER_LENGTH} of each length and {@link #MAX_KEPT_FLOATS} in all per thread: a long process that trains
 * models of many widths (a hyperparameter search) keeps a bounded amount (when full, the kept arrays are dropped for
 * the new one), not a few arrays of every width it met.
 */
final class RecycledStorage {
    /** Smaller arrays are cheap to make fresh. */
    static final int MIN_FLOATS = 1 << 14;
    /** Larger ones are left to the collector, so that one huge batch does not pin its memory. */
    static final int MAX_FLOATS = 1 << 22;
    static final int PER_LENGTH = 4;
    /** At most this many floats kept per thread, all lengths together (64 MB). */
    static final long MAX_KEPT_FLOATS = 1L << 24;

    /** One thread's kept arrays, by length, and their total. */
    private static final class Kept {
        final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();
        long floats;
    }

    private static final ThreadLocal<Kept> KEPT = ThreadLocal.withInitial(Kept::new);

    private RecycledStorage() {}

    /** An array of exactly {@code length} floats handed back on this thread, or null; contents undefined. */
    static float[] take(int length) {
        if (length < MIN_FLOATS || length > MAX_FLOATS) {
            return null;
        }
        Kept kept = KEPT.get();
        ArrayDeque<float[]> free = kept.free.get(length);
        float[] array = free == null ? null : free.pollFirst(); // the last one handed back: the likeliest to be in cache
        if (array != null) {
            kept.floats -= length;
        }
        return array;
    }

    /** Keeps {@code array} for {@link #take}; its last user promises that nothing reads or writes it any more. */
    static void give(float[] array) {
        int length = array.length;
        if (length < MIN_FLOATS || length > MAX_FLOATS) {
            return;
        }
        Kept kept = KEPT.get();
        if (kept.floats + length > MAX_KEPT_FLOATS) {
            kept.free.clear(); // full of other lengths, likely an earlier model's: they make room for this one's
            kept.floats = 0;
        }
        ArrayDeque<float[]> free = kept.free.computeIfAbsent(length, k -> new ArrayDeque<>());
        if (free.size() >= PER_LENGTH) {
            return;
        }
        for (float[] a : free) {
            if (a == array) {
                return; // handed back twice: keep it once, or two tensors would share it
            }
        }
        free.addFirst(array);
        kept.floats += length;
    }
}
