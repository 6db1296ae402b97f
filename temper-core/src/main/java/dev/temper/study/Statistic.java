package dev.temper.study;

/**
 * Mean and sample standard deviation (divisor {@code n - 1}) of one quantity over a regime's seeds; the standard
 * deviation is NaN for a single run, where it is not defined. NaN values (figures a run does not have) are left
 * out, and {@code n} counts the values used.
 */
public record Statistic(double mean, double std, int n) {

    public static Statistic of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new Statistic(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        if (n == 1) {
            return new Statistic(mean, Double.NaN, 1);
        }
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new Statistic(mean, Math.sqrt(squares / (n - 1)), n);
    }
}
