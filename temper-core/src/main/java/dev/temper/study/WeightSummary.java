package dev.temper.study;

import dev.temper.autograd.Parameter;
import dev.temper.autograd.Selector;
import java.util.Arrays;
import java.util.Map;

/**
 * The trained weights of a run in a few numbers and a fine histogram: enough to compare their sizes (L2 shrinks
 * them), their sparsity (proximal L1 sets many exactly to zero) and their distribution, without storing the weights.
 * Weights are the matrices and kernels ({@link Selector#weights()}), the parameters penalties and decay act on.
 *
 * <p>The histogram has {@link #BINS} bins of width {@link #BIN_WIDTH}, centred on multiples of it from
 * {@code -LIMIT} to {@code +LIMIT} (so zero is the centre of the middle bin); weights beyond count in the end bins,
 * and {@link #min}/{@link #max} say how far they reach.
 *
 * @param count weights in all
 * @param zeros weights exactly 0.0 (or -0.0)
 * @param l2Norm {@code sqrt(sum w^2)} over all of them
 * @param histogram {@link #BINS} counts
 */
public record WeightSummary(long count, long zeros, double l2Norm, double min, double max, long[] histogram) {
    /** Half the histogram's range: trained weights of dense layers are far smaller. */
    public static final double LIMIT = 1.0;
    public static final double BIN_WIDTH = 0.001;
    /** {@code 2 * LIMIT / BIN_WIDTH + 1}: an odd count, so one bin is centred on zero. */
    public static final int BINS = 2001;
    private static final int HALF = BINS / 2;

    public WeightSummary {
        if (count < 0 || zeros < 0 || zeros > count) {
            throw new IllegalArgumentException("WeightSummary: need 0 <= zeros <= count, got zeros " + zeros + ", count " + count);
        }
        if (histogram == null || histogram.length != BINS) {
            throw new IllegalArgumentException("WeightSummary: histogram must have " + BINS + " bins, got "
                    + (histogram == null ? "null" : histogram.length));
        }
        histogram = histogram.clone();
    }

    /** Summarizes the weights among {@code parameters} (by {@link Selector#weights()}). */
    public static WeightSummary of(Map<String, Parameter> parameters) {
        long count = 0;
        long zeros = 0;
        double sumOfSquares = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long[] histogram = new long[BINS];
        Selector weights = Selector.weights();
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            if (!weights.matches(e.getKey(), e.getValue().value())) {
                continue;
            }
            for (float w : e.getValue().value().toFloatArray()) {
                count++;
                if (w == 0f) {
                    zeros++;
                }
                sumOfSquares += (double) w * w;
                min = Math.min(min, w);
                max = Math.max(max, w);
                histogram[bin(w)]++;
            }
        }
        return new WeightSummary(count, zeros, Math.sqrt(sumOfSquares), count == 0 ? Double.NaN : min,
                count == 0 ? Double.NaN : max, histogram);
    }

    /** The bin of {@code w}: the nearest multiple of the bin width, clamped to the range. */
    static int bin(double w) {
        long i = Math.round(w / BIN_WIDTH);
        return (int) Math.max(0, Math.min(BINS - 1, i + HALF));
    }

    /** The centre of bin {@code i}. */
    public static double binCenter(int i) {
        return (i - HALF) * BIN_WIDTH;
    }

    /** The fraction of weights that are exactly zero (NaN without weights). */
    public double zeroFraction() {
        return count == 0 ? Double.NaN : (double) zeros / count;
    }

    /** The smallest bin centre {@code c >= 0} such that at least {@code fraction} of the weights lie within +-c. */
    public double absoluteQuantile(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("WeightSummary: fraction must be in [0, 1], got " + fraction);
        }
        long inside = histogram[HALF];
        for (int k = 0; k <= HALF; k++) {
            if (k > 0) {
                inside += histogram[HALF - k] + histogram[HALF + k];
            }
            if (inside >= fraction * count) {
                return k * BIN_WIDTH;
            }
        }
        return LIMIT;
    }

    /**
     * The counts regrouped into {@code bins} equal bins over {@code [-limit, limit]}, each fine bin going wholly to
     * the coarse bin that holds its centre (fine bins beyond the range go to the end bins).
     */
    public double[] rebinned(double limit, int bins) {
        if (!(limit > 0) || bins < 1) {
            throw new IllegalArgumentException("WeightSummary.rebinned: need limit > 0 and bins >= 1, got " + limit + ", " + bins);
        }
        double[] out = new double[bins];
        double width = 2 * limit / bins;
        for (int i = 0; i < BINS; i++) {
            if (histogram[i] == 0) {
                continue;
            }
            int b = (int) Math.floor((binCenter(i) + limit) / width);
            out[Math.max(0, Math.min(bins - 1, b))] += histogram[i];
        }
        return out;
    }

    /**
     * The weights of several runs as one summary (counts added bin by bin; the norm is that of all the weights
     * together), for a histogram of a regime over its seeds.
     */
    public static WeightSummary pooled(java.util.List<WeightSummary> summaries) {
        long count = 0;
        long zeros = 0;
        double sumOfSquares = 0;
        double min = Double.NaN;
        double max = Double.NaN;
        long[] sum = new long[BINS];
        for (WeightSummary s : summaries) {
            count += s.count;
            zeros += s.zeros;
            sumOfSquares += s.l2Norm * s.l2Norm;
            min = Double.isNaN(min) ? s.min : Math.min(min, s.min);
            max = Double.isNaN(max) ? s.max : Math.max(max, s.max);
            for (int i = 0; i < BINS; i++) {
                sum[i] += s.histogram[i];
            }
        }
        return new WeightSummary(count, zeros, Math.sqrt(sumOfSquares), min, max, sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightSummary w && count == w.count && zeros == w.zeros
                && Double.compare(l2Norm, w.l2Norm) == 0 && Double.compare(min, w.min) == 0
                && Double.compare(max, w.max) == 0 && Arrays.equals(histogram, w.histogram);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(count) * 31 + Arrays.hashCode(histogram);
    }

    @Override
    public String toString() {
        return "WeightSummary[count " + count + ", zeros " + zeros + ", l2Norm " + l2Norm + "]";
    }
}
