package dev.temper.data;

import java.util.Locale;

/**
 * One metric's values over cross-validation folds, summarized as mean and sample standard deviation (divisor
 * {@code n - 1}, as scikit-learn users usually report with {@code numpy.std(ddof=1)}; it estimates the spread of
 * the metric over resamplings, not its standard error).
 */
public record FoldSummary(double[] values) {
    public FoldSummary {
        if (values.length < 2) {
            throw new IllegalArgumentException("FoldSummary needs at least 2 fold values for a sample std, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("FoldSummary values must be finite, got " + values[i] + " for fold " + i);
            }
        }
        values = values.clone();
    }

    public static FoldSummary of(double... values) {
        return new FoldSummary(values);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public double mean() {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Sample standard deviation, sqrt(sum (v - mean)^2 / (n - 1)). */
    public double std() {
        double mean = mean();
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    /** "mean ± std" with four decimals, e.g. {@code 0.9312 ± 0.0041}. */
    public String format() {
        return format(4);
    }

    public String format(int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("FoldSummary decimals must be >= 0, got " + decimals);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f \u00b1 %." + decimals + "f", mean(), std());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FoldSummary s && java.util.Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FoldSummary[" + format() + " over " + values.length + " folds]";
    }
}
