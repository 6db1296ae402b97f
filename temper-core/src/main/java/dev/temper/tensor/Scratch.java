package dev.temper.tensor;

import java.util.HashMap;
import java.util.Map;

/**
 * Float arrays that a kernel reuses from one call to the next on the same calling thread, by purpose, instead of
 * allocating them fresh: for working copies that never leave the call (layout changes, unfolded inputs).
 *
 * <p>Why: the shifted convolution of the benchmark CNN's second layer needs about 25 MB of such copies per
 * training step. Fresh arrays cost their zeroing (a pass over memory the kernel then overwrites) and let G1 grow
 * the young generation to gigabytes (peak RSS 1.8 GB against 0.9 GB with the copies reused).
 *
 * <p>An array may be longer than asked for and holds whatever its last user left: callers index it by explicit
 * lengths and clear what they accumulate into. Each purpose has one array per thread, so a kernel must not hand
 * an array of one purpose to two uses that overlap in time. Arrays up to {@link #MAX_KEPT_FLOATS} are kept until
 * the thread ends (the largest length asked for, per purpose); larger ones are handed out fresh and left to the
 * collector, so that one call on large images does not pin its working memory for the rest of the run.
 */
final class Scratch {
    /** The largest array kept between calls: 64 MB, ten times what the benchmark CNN asks for. */
    static final int MAX_KEPT_FLOATS = 1 << 24;

    private static final ThreadLocal<Map<String, float[]>> ARRAYS = ThreadLocal.withInitial(HashMap::new);

    private Scratch() {}

    /** At least {@code length} floats for {@code purpose}, contents undefined. */
    static float[] floats(String purpose, int length) {
        if (length > MAX_KEPT_FLOATS) {
            return new float[length];
        }
        Map<String, float[]> arrays = ARRAYS.get();
        float[] a = arrays.get(purpose);
        if (a == null || a.length < length) {
            a = new float[length];
            arrays.put(purpose, a);
        }
        return a;
    }
}
