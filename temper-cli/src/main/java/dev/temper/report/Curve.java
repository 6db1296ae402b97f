package dev.temper.report;

import java.util.Arrays;

/**
 * One line of a line chart, with an optional band around it (e.g. mean and mean ± std over seeds).
 *
 * @param name the legend entry
 * @param x abscissae, finite and increasing
 * @param y the line; NaN marks a missing point (a run that stopped early), drawn as a gap
 * @param lower the band's lower edge, or null for no band
 * @param upper the band's upper edge, or null for no band
 * @param dashed drawn dashed (e.g. the validation curve beside a solid training one)
 */
public record Curve(String name, double[] x, double[] y, double[] lower, double[] upper, boolean dashed) {
    public Curve {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Curve: name must not be blank");
        }
        if (x == null || y == null || x.length != y.length) {
            throw new IllegalArgumentException("Curve '" + name + "': x and y must have the same length, got "
                    + (x == null ? "null" : x.length) + " and " + (y == null ? "null" : y.length));
        }
        if ((lower == null) != (upper == null)) {
            throw new IllegalArgumentException("Curve '" + name + "': give both band edges or neither");
        }
        if (lower != null && (lower.length != x.length || upper.length != x.length)) {
            throw new IllegalArgumentException("Curve '" + name + "': band edges must have " + x.length + " points");
        }
        x = x.clone();
        y = y.clone();
        lower = lower == null ? null : lower.clone();
        upper = upper == null ? null : upper.clone();
    }

    /** A line without a band. */
    public static Curve line(String name, double[] x, double[] y) {
        return new Curve(name, x, y, null, null, false);
    }

    /** A line with a band of {@code spread} either side (NaN spread means no band at that point). */
    public static Curve withBand(String name, double[] x, double[] y, double[] spread) {
        double[] lo = new double[y.length];
        double[] hi = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double s = Double.isNaN(spread[i]) ? 0 : spread[i];
            lo[i] = y[i] - s;
            hi[i] = y[i] + s;
        }
        return new Curve(name, x, y, lo, hi, false);
    }

    /** This curve drawn dashed. */
    public Curve asDashed() {
        return new Curve(name, x, y, lower, upper, true);
    }

    /** The longest prefix of points where the line is defined (runs stopped early leave NaN after). */
    int definedLength() {
        int n = 0;
        while (n < y.length && !Double.isNaN(y[n])) {
            n++;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Curve c && name.equals(c.name) && Arrays.equals(x, c.x) && Arrays.equals(y, c.y)
                && Arrays.equals(lower, c.lower) && Arrays.equals(upper, c.upper) && dashed == c.dashed;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "Curve[" + name + ", " + x.length + " points]";
    }
}
