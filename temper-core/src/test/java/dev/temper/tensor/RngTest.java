package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RngTest {

    /**
     * An independent transcription of the published algorithms: SplitMix64 (Steele, Lea and Flood 2014; Vigna's
     * splitmix64.c) to expand the seed, then xoshiro256** 1.0 (Blackman and Vigna; xoshiro256starstar.c).
     */
    private static final class ReferenceXoshiro256StarStar {
        private final long[] s = new long[4];

        ReferenceXoshiro256StarStar(long seed) {
            SplitMix64 expand = new SplitMix64(seed);
            for (int i = 0; i < 4; i++) {
                s[i] = expand.next();
            }
        }

        private static long rotl(long x, int k) {
            return (x << k) | (x >>> (64 - k));
        }

        long next() {
            long result = rotl(s[1] * 5, 7) * 9;
            long t = s[1] << 17;
            s[2] ^= s[0];
            s[3] ^= s[1];
            s[1] ^= s[2];
            s[0] ^= s[3];
            s[2] ^= t;
            s[3] = rotl(s[3], 45);
            return result;
        }
    }

    private static final class SplitMix64 {
        private long x;

        SplitMix64(long seed) {
            x = seed;
        }

        long next() {
            long z = (x += 0x9e3779b97f4a7c15L);
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }

    @Test
    void referenceSplitMix64MatchesItsPublishedOutputForSeedZero() {
        // The first outputs of splitmix64.c seeded with 0, as listed by many ports of it: checks the reference.
        SplitMix64 sm = new SplitMix64(0);
        assertEquals(0xe220a8397b1dcdafL, sm.next());
        assertEquals(0x6e789e6aa1b965f4L, sm.next());
        assertEquals(0x06c45d188009454fL, sm.next());
    }

    @Test
    void firstDrawsForSeed42AreThoseOfSplitMix64SeededXoshiro256StarStar() {
        ReferenceXoshiro256StarStar reference = new ReferenceXoshiro256StarStar(42);
        Rng rng = new Rng(42);
        for (int i = 0; i < 3; i++) {
            assertEquals(reference.next(), rng.nextLong(), "draw " + i);
        }
        // and the state is the reference's after those draws, so the streams stay together
        assertArrayEquals(reference.s, rng.state());
        for (int i = 0; i < 1000; i++) {
            assertEquals(reference.next(), rng.nextLong(), "draw " + (i + 3));
        }
    }

    @Test
    void sameSeedGivesIdenticalStreamsOfEveryKind() {
        Rng a = new Rng(123);
        Rng b = new Rng(123);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.nextLong(), b.nextLong());
            assertEquals(a.nextInt(1000), b.nextInt(1000));
            assertEquals(Double.doubleToRawLongBits(a.nextGaussian()), Double.doubleToRawLongBits(b.nextGaussian()));
        }
        assertTrue(a.normal(0f, 1f, 50).contentEquals(b.normal(0f, 1f, 50)));
        assertArrayEquals(a.permutation(100), b.permutation(100));
    }

    @Test
    void differentSeedsGiveDifferentStreams() {
        long[] seeds = {0, 1, 2, -1, 42, Long.MIN_VALUE};
        Set<Long> firstDraws = new HashSet<>();
        for (long seed : seeds) {
            Rng rng = new Rng(seed);
            long first = rng.nextLong();
            assertTrue(firstDraws.add(first), "seed " + seed + " repeats an earlier seed's first draw");
        }
        Rng one = new Rng(1);
        Rng two = new Rng(2);
        int equal = 0;
        for (int i = 0; i < 1000; i++) {
            if (one.nextLong() == two.nextLong()) {
                equal++;
            }
        }
        assertEquals(0, equal);
    }

    @Test
    void restoringASavedStateResumesTheExactStream() {
        Rng rng = new Rng(7);
        for (int i = 0; i < 17; i++) {
            rng.nextGaussian();
        }
        long[] saved = rng.state();
        long[] expected = new long[20];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = rng.nextLong();
        }

        Rng other = new Rng(999);
        other.restore(saved);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], other.nextLong(), "draw " + i + " after restore");
        }
        rng.restore(saved);
        assertEquals(expected[0], rng.nextLong());
    }

    @Test
    void stateIsACopyAndInvalidStatesAreRejected() {
        Rng rng = new Rng(8);
        long[] state = rng.state();
        long[] copy = state.clone();
        state[0] ^= 1;
        assertArrayEquals(copy, rng.state());

        assertThrows(IllegalArgumentException.class, () -> rng.restore(new long[4])); // all zero: a fixed point
        assertThrows(IllegalArgumentException.class, () -> rng.restore(new long[] {1, 2, 3}));
        assertArrayEquals(copy, rng.state()); // a rejected restore changes nothing
    }

    @Test
    void splitGivesAStreamDifferentFromTheParentsAndIsReproducible() {
        Rng parent = new Rng(9);
        Rng child = parent.split();
        long[] parentDraws = new long[100];
        long[] childDraws = new long[100];
        for (int i = 0; i < 100; i++) {
            parentDraws[i] = parent.nextLong();
            childDraws[i] = child.nextLong();
        }
        Set<Long> parentSet = new HashSet<>();
        for (long v : parentDraws) {
            parentSet.add(v);
        }
        for (long v : childDraws) {
            assertFalse(parentSet.contains(v), "child repeats a parent draw");
        }

        Rng parentAgain = new Rng(9);
        Rng childAgain = parentAgain.split();
        assertEquals(childDraws[0], childAgain.nextLong());
        assertEquals(parentDraws[0], parentAgain.nextLong());
        Rng secondChild = parentAgain.split();
        assertNotEquals(childDraws[0], secondChild.nextLong());
    }

    @Test
    void nextIntStaysInRangeAndIsRoughlyUniform() {
        Rng rng = new Rng(10);
        int buckets = 10;
        int draws = 100_000;
        int[] counts = new int[buckets];
        for (int i = 0; i < draws; i++) {
            int v = rng.nextInt(buckets);
            assertTrue(v >= 0 && v < buckets, "out of range: " + v);
            counts[v]++;
        }
        double expected = (double) draws / buckets;
        double chiSquare = 0;
        for (int c : counts) {
            chiSquare += (c - expected) * (c - expected) / expected;
        }
        // 9 degrees of freedom: the 99.9th percentile is 27.9; a biased generator lands far beyond it.
        assertTrue(chiSquare < 27.9, "chi-square " + chiSquare + " for counts " + Arrays.toString(counts));

        for (int bound : new int[] {1, 2, 3, 7, 1 << 30, Integer.MAX_VALUE}) {
            for (int i = 0; i < 1000; i++) {
                int v = rng.nextInt(bound);
                assertTrue(v >= 0 && v < bound, v + " out of [0, " + bound + ")");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> rng.nextInt(0));
        assertThrows(IllegalArgumentException.class, () -> rng.nextInt(-3));
    }

    @Test
    void nextDoubleAndNextFloatAreInTheUnitInterval() {
        Rng rng = new Rng(11);
        double sum = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            double d = rng.nextDouble();
            float f = rng.nextFloat();
            assertTrue(d >= 0 && d < 1, "nextDouble " + d);
            assertTrue(f >= 0 && f < 1, "nextFloat " + f);
            sum += d;
        }
        assertEquals(0.5, sum / n, 0.005); // standard error 0.0009
    }

    @Test
    void nextGaussianHasMeanZeroAndVarianceOne() {
        Rng rng = new Rng(12);
        int n = 200_000;
        double sum = 0;
        double sumSquares = 0;
        double sumFourth = 0;
        for (int i = 0; i < n; i++) {
            double g = rng.nextGaussian();
            assertTrue(Double.isFinite(g));
            sum += g;
            sumSquares += g * g;
            sumFourth += g * g * g * g;
        }
        double mean = sum / n;
        double variance = sumSquares / n - mean * mean;
        // standard errors: mean 1/sqrt(n) = 0.0022, variance sqrt(2/n) = 0.0032; tolerances are about 4.5 of them
        assertEquals(0.0, mean, 0.01);
        assertEquals(1.0, variance, 0.015);
        assertEquals(3.0, sumFourth / n, 0.1); // kurtosis of a normal; a uniform would give 1.8
    }

    @Test
    void uniformTensorHasTheShapeRangeAndMoments() {
        Tensor t = new Rng(13).uniform(-2f, 4f, 200, 500);
        assertArrayEquals(new int[] {200, 500}, t.dims());
        assertEquals(DType.FLOAT32, t.dtype());
        double sum = 0;
        double sumSquares = 0;
        for (float v : t.floatData()) {
            assertTrue(v >= -2f && v < 4f, "value " + v);
            sum += v;
            sumSquares += (double) v * v;
        }
        int n = t.size();
        double mean = sum / n;
        assertEquals(1.0, mean, 0.03); // (low + high) / 2; standard error 0.0055
        assertEquals(3.0, sumSquares / n - mean * mean, 0.05); // (high - low)^2 / 12
    }

    @Test
    void normalTensorHasTheShapeAndMoments() {
        Tensor t = new Rng(14).normal(3f, 0.5f, 4, 50_000);
        assertArrayEquals(new int[] {4, 50_000}, t.dims());
        double sum = 0;
        double sumSquares = 0;
        for (float v : t.floatData()) {
            sum += v;
            sumSquares += (double) v * v;
        }
        int n = t.size();
        double mean = sum / n;
        assertEquals(3.0, mean, 0.005); // standard error 0.5 / sqrt(200000) = 0.0011
        assertEquals(0.25, sumSquares / n - mean * mean, 0.004); // standard error 0.25 * sqrt(2 / n) = 0.0008
    }

    @Test
    void bernoulliTensorHoldsZerosAndOnesWithTheGivenProbability() {
        Rng rng = new Rng(15);
        Tensor t = rng.bernoulli(0.3f, 100, 1000);
        assertArrayEquals(new int[] {100, 1000}, t.dims());
        int ones = 0;
        for (float v : t.floatData()) {
            assertTrue(v == 0f || v == 1f, "value " + v);
            ones += (int) v;
        }
        assertEquals(0.3, ones / 100_000.0, 0.006); // standard error 0.0014

        assertEquals(0.0, rng.bernoulli(0f, 1000).sum().item());
        assertEquals(1000.0, rng.bernoulli(1f, 1000).sum().item());
        assertThrows(IllegalArgumentException.class, () -> rng.bernoulli(1.5f, 3));
        assertThrows(IllegalArgumentException.class, () -> rng.bernoulli(-0.1f, 3));
        assertThrows(IllegalArgumentException.class, () -> rng.bernoulli(Float.NaN, 3));
    }

    @Test
    void permutationContainsEveryIndexOnceAndShuffles() {
        Rng rng = new Rng(16);
        int[] p = rng.permutation(1000);
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        int fixedPoints = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == i) {
                fixedPoints++;
            }
        }
        assertTrue(fixedPoints < 10, fixedPoints + " fixed points; a uniform permutation has about 1");
        assertEquals(0, rng.permutation(0).length);
        assertArrayEquals(new int[] {0}, rng.permutation(1));

        // every ordering of 3 items turns up, each about 1/6 of the time
        int[] counts = new int[6];
        for (int i = 0; i < 60_000; i++) {
            int[] q = rng.permutation(3);
            counts[q[0] * 2 + (q[1] > q[2] ? 1 : 0)]++;
        }
        for (int c : counts) {
            assertEquals(10_000, c, 500, Arrays.toString(counts)); // standard error ~91
        }
    }

    @Test
    void dropoutMaskDropsTheRequestedFractionAndWritesOnlyItsRange() {
        float[] out = new float[(1 << 20) + 3];
        Arrays.fill(out, -7f);
        new Rng(5).dropoutMask(out, 1, out.length - 2, 0.25, 4f / 3f);
        assertEquals(-7f, out[0]);
        assertEquals(-7f, out[out.length - 1]);
        int dropped = 0;
        for (int i = 1; i < out.length - 1; i++) {
            assertTrue(out[i] == 0f || out[i] == 4f / 3f, "mask value " + out[i] + " at " + i);
            dropped += out[i] == 0f ? 1 : 0;
        }
        double n = out.length - 2;
        double sigma = Math.sqrt(n * 0.25 * 0.75);
        assertTrue(Math.abs(dropped - 0.25 * n) < 5 * sigma, "dropped " + dropped + " of " + n);
        assertTrue(out[out.length - 2] == 0f || out[out.length - 2] == 4f / 3f, "odd tail element written");
    }

    @Test
    void dropoutMaskAtRateZeroKeepsEverything() {
        float[] out = new float[1001];
        new Rng(9).dropoutMask(out, 0, out.length, 0.0, 1f);
        for (float v : out) {
            assertEquals(1f, v);
        }
    }

    @Test
    void aLongDropoutMaskIsDrawnInChunksWithTheSameBitsForEveryThreadCount() {
        int length = 3 * Rng.MASK_CHUNK + 5; // three full chunks and an odd tail
        int before = Parallel.threads();
        float[][] masks = new float[3][];
        try {
            for (int threads = 1; threads <= 3; threads++) {
                Parallel.setThreads(threads);
                masks[threads - 1] = new float[length];
                new Rng(21).dropoutMask(masks[threads - 1], 0, length, 0.5, 2f);
            }
        } finally {
            Parallel.setThreads(before);
        }
        assertArrayEquals(masks[0], masks[1]);
        assertArrayEquals(masks[0], masks[2]);
        // each chunk has a generator of its own: no two chunks repeat the same pattern
        float[] first = Arrays.copyOfRange(masks[0], 0, Rng.MASK_CHUNK);
        for (int c = 1; c < 3; c++) {
            float[] other = Arrays.copyOfRange(masks[0], c * Rng.MASK_CHUNK, (c + 1) * Rng.MASK_CHUNK);
            assertFalse(Arrays.equals(first, other), "chunk " + c + " repeats chunk 0");
        }
        // a short mask is drawn from the generator itself, in order: two elements per 64-bit draw (the high half
        // first; an odd last element takes a draw of its own), and the generator moves on exactly that far
        float[] shortMask = new float[7];
        Rng rng = new Rng(21);
        rng.dropoutMask(shortMask, 0, 7, 0.5, 2f);
        Rng replay = new Rng(21);
        for (int i = 0; i < 7; i += 2) {
            long bits = replay.nextLong();
            assertEquals((bits >>> 32) > 0x7FFF_FFFFL ? 2f : 0f, shortMask[i], "element " + i);
            if (i + 1 < 7) {
                assertEquals((bits & 0xFFFF_FFFFL) > 0x7FFF_FFFFL ? 2f : 0f, shortMask[i + 1], "element " + (i + 1));
            }
        }
        assertEquals(replay.nextLong(), rng.nextLong(), "the generator's state after the mask");
    }

    @Test
    void multiplyingByADropoutMaskGivesTheBitsOfTheMaskTimesTheValuesAndTheSameDraws() {
        for (int length : new int[] {7, 1000, 3 * Rng.MASK_CHUNK + 5}) {
            float[] values = new float[length + 2];
            Rng source = new Rng(length);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) source.nextGaussian();
            }
            values[1] = Float.NaN;
            values[2] = Float.NEGATIVE_INFINITY;
            float[] mask = new float[length + 2];
            Rng drawn = new Rng(33);
            drawn.dropoutMask(mask, 1, length, 0.3, 1f / 0.7f);
            float[] expected = values.clone();
            for (int i = 1; i <= length; i++) {
                expected[i] = values[i] * mask[i];
            }
            float[] multiplied = values.clone();
            Rng inPlace = new Rng(33);
            inPlace.multiplyByDropoutMask(multiplied, 1, length, 0.3, 1f / 0.7f);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(multiplied[i]), "length " + length + ", element " + i);
            }
            assertEquals(drawn.nextLong(), inPlace.nextLong(), "the generator's state after, length " + length);
        }
        assertThrows(IllegalArgumentException.class, () -> new Rng(1).multiplyByDropoutMask(new float[3], 0, 3, 1.5, 1f));
    }
}
