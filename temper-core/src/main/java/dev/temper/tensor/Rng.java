package dev.temper.tensor;

/**
 * The explicit, seeded random generator every random draw in temper comes from; there is no hidden global one.
 *
 * <p>Algorithm: xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2021),
 * seeded through SplitMix64. Chosen over {@link java.util.SplittableRandom} because its whole state is four
 * longs that can be saved in a checkpoint and restored exactly ({@link #state()}, {@link #restore(long[])}).
 * Normal draws use Box-Muller with {@link StrictMath}, so the same seed gives the same bits on every JVM and CPU.
 */
public final class Rng {
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    public Rng(long seed) {
        long x = seed;
        long[] s = new long[4];
        for (int i = 0; i < 4; i++) {
            x += 0x9E3779B97F4A7C15L;
            long z = x;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            s[i] = z ^ (z >>> 31);
        }
        restore(s);
    }

    /** A new generator whose stream is independent of this one's; advances this generator once. */
    public Rng split() {
        return new Rng(nextLong());
    }

    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, 1) with 24 random bits. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Uniform integer in [0, bound), without modulo bias (Lemire's method with rejection). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0, got " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Standard normal draw (Box-Muller; one draw per call, the pair's second value is discarded for simplicity). */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // in (0, 1], so log is finite
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** float32 tensor of uniform draws in [low, high). */
    public Tensor uniform(float low, float high, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.floatData();
        for (int i = 0; i < d.length; i++) {
            d[i] = low + (high - low) * nextFloat();
        }
        return t;
    }

    /** float32 tensor of normal draws with the given mean and standard deviation. */
    public Tensor normal(float mean, float std, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.floatData();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (mean + std * nextGaussian());
        }
        return t;
    }

    /** float32 tensor of 1s (with probability {@code p}) and 0s. */
    public Tensor bernoulli(float p, int... shape) {
        if (!(p >= 0f && p <= 1f)) {
            throw new IllegalArgumentException("bernoulli: p must be in [0, 1], got " + p);
        }
        Tensor t = Tensor.zeros(shape);
        float[] d = t.floatData();
        for (int i = 0; i < d.length; i++) {
            d[i] = nextFloat() < p ? 1f : 0f;
        }
        return t;
    }

    /** Masks longer than this are drawn in chunks of this many elements, one generator per chunk. */
    static final int MASK_CHUNK = 1 << 14;

    /**
     * Fills {@code out} with a dropout mask: 0 with probability {@code dropProbability}, else {@code keepValue}.
     * Each 64-bit draw yields two 32-bit uniforms (twice as fast as one {@link #nextFloat()} per element), so the
     * probability is exact to 2^-32.
     *
     * <p>A mask of up to {@value #MASK_CHUNK} elements is drawn from this generator in order. A longer one is cut
     * into chunks of that size, each drawn from its own generator seeded by this one in chunk order, and the chunks
     * run on the kernel threads ({@link Parallel}): a dropout layer's mask is one long serial chain of draws
     * otherwise. Chunks depend only on the length, so the bits do not depend on the thread count.
     */
    public void dropoutMask(float[] out, int offset, int length, double dropProbability, float keepValue) {
        mask(out, offset, length, dropProbability, keepValue, false);
    }

    /**
     * Multiplies {@code out} in place by the mask {@link #dropoutMask} would draw, without storing it: the same draws
     * (and the same state after), and {@code out[i] * mask[i]} rounded as a separate multiplication would round it.
     * For a layer that applies dropout to a fresh output of its own: no mask tensor to allocate, write and read.
     */
    public void multiplyByDropoutMask(float[] out, int offset, int length, double dropProbability, float keepValue) {
        mask(out, offset, length, dropProbability, keepValue, true);
    }

    private void mask(float[] out, int offset, int length, double dropProbability, float keepValue, boolean multiply) {
        if (!(dropProbability >= 0 && dropProbability <= 1)) {
            throw new IllegalArgumentException("dropProbability must be in [0, 1], got " + dropProbability);
        }
        if (length <= MASK_CHUNK) {
            drawMask(out, offset, length, dropProbability, keepValue, multiply);
            return;
        }
        long[] seeds = new long[Parallel.chunkCount(length, MASK_CHUNK)];
        for (int c = 0; c < seeds.length; c++) {
            seeds[c] = nextLong();
        }
        Parallel.forChunks(length, MASK_CHUNK, (chunk, start, end) ->
                new Rng(seeds[chunk]).drawMask(out, offset + start, end - start, dropProbability, keepValue, multiply));
    }

    private void drawMask(float[] out, int offset, int length, double dropProbability, float keepValue, boolean multiply) {
        if (multiply) {
            multiplyByMask(out, offset, length, dropProbability, keepValue);
        } else {
            drawMask(out, offset, length, dropProbability, keepValue);
        }
    }

    private void drawMask(float[] out, int offset, int length, double dropProbability, float keepValue) {
        long limit = (long) Math.floor(dropProbability * 0x1_0000_0000L) - 1; // drop when u <= limit
        int keepBits = Float.floatToRawIntBits(keepValue);
        int end = offset + length;
        int i = offset;
        // nextLong()'s steps, repeated here and in multiplyByMask (change all three together), on local copies of the state written back at the
        // end: the same draws, with the state in registers instead of four field loads and stores per draw (65,536
        // elements took 82-112 us on one thread, now 60-62; 45-56 and 33 us on two).
        long a = s0;
        long b = s1;
        long c = s2;
        long d = s3;
        // Branch-free: (limit - u) >> 63 is all ones exactly when u > limit (keep). A ternary here mispredicts on
        // every random drop, which made this loop the largest Java cost of a dropout MLP's epoch.
        for (; i < end; i += 2) {
            long bits = Long.rotateLeft(b * 5, 7) * 9;
            long t = b << 17;
            c ^= a;
            d ^= b;
            b ^= c;
            a ^= d;
            c ^= t;
            d = Long.rotateLeft(d, 45);
            out[i] = Float.intBitsToFloat(keepBits & (int) ((limit - (bits >>> 32)) >> 63));
            if (i + 1 < end) {
                out[i + 1] = Float.intBitsToFloat(keepBits & (int) ((limit - (bits & 0xFFFFFFFFL)) >> 63));
            }
        }
        s0 = a;
        s1 = b;
        s2 = c;
        s3 = d;
    }

    /**
     * {@link #drawMask}'s loop with {@code out[i] *= mask} for {@code out[i] = mask}: a copy rather than a flag in one
     * loop, which C2 did not compile apart when both were in use (the plain mask took 82 us per 65k instead of 62).
     */
    private void multiplyByMask(float[] out, int offset, int length, double dropProbability, float keepValue) {
        long limit = (long) Math.floor(dropProbability * 0x1_0000_0000L) - 1;
        int keepBits = Float.floatToRawIntBits(keepValue);
        int end = offset + length;
        long a = s0;
        long b = s1;
        long c = s2;
        long d = s3;
        for (int i = offset; i < end; i += 2) {
            long bits = Long.rotateLeft(b * 5, 7) * 9;
            long t = b << 17;
            c ^= a;
            d ^= b;
            b ^= c;
            a ^= d;
            c ^= t;
            d = Long.rotateLeft(d, 45);
            out[i] *= Float.intBitsToFloat(keepBits & (int) ((limit - (bits >>> 32)) >> 63));
            if (i + 1 < end) {
                out[i + 1] *= Float.intBitsToFloat(keepBits & (int) ((limit - (bits & 0xFFFFFFFFL)) >> 63));
            }
        }
        s0 = a;
        s1 = b;
        s2 = c;
        s3 = d;
    }

    /** The full generator state, for checkpoints. */
    public long[] state() {
        return new long[] {s0, s1, s2, s3};
    }

    /** Restores a state from {@link #state()}. */
    public void restore(long[] state) {
        if (state.length != 4 || (state[0] | state[1] | state[2] | state[3]) == 0) {
            throw new IllegalArgumentException("Rng state must be 4 longs, not all zero");
        }
        s0 = state[0];
        s1 = state[1];
        s2 = state[2];
        s3 = state[3];
    }
}
