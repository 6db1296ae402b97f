package dev.temper.tune;

import dev.temper.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * An integer in {@code [low, high]}, searched uniformly or log-uniformly (widths: 32 to 1024 on a log scale visits
 * 64 as often as 512). Model-based strategies treat it as a real number and round.
 */
public record IntegerRange(String name, int low, int high, Scale scale, Condition condition) implements Hyperparameter {
    public IntegerRange {
        Hyperparameter.checkName(name);
        if (!(low < high)) {
            throw new IllegalArgumentException("integer '" + name + "': needs low < high, got low " + low + ", high " + high);
        }
        if (scale == null) {
            throw new IllegalArgumentException("integer '" + name + "': scale must not be null");
        }
        if (scale == Scale.LOG && low < 1) {
            throw new IllegalArgumentException("integer '" + name + "': a log scale needs low >= 1, got " + low);
        }
    }

    public static IntegerRange uniform(String name, int low, int high) {
        return new IntegerRange(name, low, high, Scale.LINEAR, null);
    }

    public static IntegerRange logUniform(String name, int low, int high) {
        return new IntegerRange(name, low, high, Scale.LOG, null);
    }

    @Override
    public Object sample(Rng rng) {
        return fromUnit(rng.nextDouble());
    }

    @Override
    public Object validate(Object value) {
        boolean integral = value instanceof Integer || value instanceof Long
                || (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15);
        if (!integral) {
            throw new IllegalArgumentException("parameter '" + name + "' must be an integer in [" + low + ", " + high + "], got " + value);
        }
        long v = ((Number) value).longValue();
        if (v < low || v > high) {
            throw new IllegalArgumentException("parameter '" + name + "' must be in [" + low + ", " + high + "], got " + v);
        }
        return (int) v;
    }

    /** On a linear scale the edges sit half a step outside the range, so each integer owns an equal share of [0, 1]. */
    @Override
    public double toUnit(Object value) {
        double v = ((Number) value).doubleValue();
        if (scale == Scale.LOG) {
            return (Math.log(v) - Math.log(low)) / logSpan(); // the log scale's edges are low and high themselves
        }
        return (v - (low - 0.5)) / (high - low + 1.0);
    }

    private double logSpan() {
        return Math.log((double) high) - Math.log(low);
    }

    @Override
    public Object fromUnit(double unit) {
        double u = Math.max(0, Math.min(1, unit));
        double v = scale == Scale.LOG ? Math.exp(Math.log(low) + u * logSpan()) : low - 0.5 + u * (high - low + 1.0);
        return (int) Math.max(low, Math.min(high, Math.round(v)));
    }

    @Override
    public List<Object> gridValues(int points) {
        if (points < 1) {
            throw new IllegalArgumentException("integer '" + name + "': grid points must be >= 1, got " + points);
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            double u = points == 1 ? 0.5 : (double) i / (points - 1);
            double v = scale == Scale.LOG ? Math.exp(Math.log(low) + u * logSpan()) : low + u * (high - low);
            int x = (int) Math.max(low, Math.min(high, Math.round(v)));
            if (!out.contains(x)) {
                out.add(x);
            }
        }
        return out;
    }

    @Override
    public String describe() {
        return name + ": integer [" + low + ", " + high + "]" + (scale == Scale.LOG ? " log" : "")
                + (condition == null ? "" : " when " + condition.parent() + " in " + condition.values());
    }

    @Override
    public IntegerRange when(String parent, Object... values) {
        return new IntegerRange(name, low, high, scale, new Condition(parent, List.of(values)));
    }
}
