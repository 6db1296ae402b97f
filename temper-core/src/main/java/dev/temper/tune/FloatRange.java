package dev.temper.tune;

import dev.temper.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A real number in {@code [low, high]}, searched uniformly or log-uniformly ({@code low > 0} then). */
public record FloatRange(String name, double low, double high, Scale scale, Condition condition) implements Hyperparameter {
    public FloatRange {
        Hyperparameter.checkName(name);
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
            throw new IllegalArgumentException("float '" + name + "': needs finite low < high, got low " + low + ", high " + high);
        }
        if (scale == null) {
            throw new IllegalArgumentException("float '" + name + "': scale must not be null");
        }
        if (scale == Scale.LOG && !(low > 0)) {
            throw new IllegalArgumentException("float '" + name + "': a log scale needs low > 0, got " + low);
        }
    }

    public static FloatRange uniform(String name, double low, double high) {
        return new FloatRange(name, low, high, Scale.LINEAR, null);
    }

    public static FloatRange logUniform(String name, double low, double high) {
        return new FloatRange(name, low, high, Scale.LOG, null);
    }

    @Override
    public Object sample(Rng rng) {
        return fromUnit(rng.nextDouble());
    }

    @Override
    public Object validate(Object value) {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a number in [" + low + ", " + high + "], got " + value);
        }
        double v = n.doubleValue();
        if (v < low || v > high) {
            throw new IllegalArgumentException("parameter '" + name + "' must be in [" + low + ", " + high + "], got " + v);
        }
        return v;
    }

    @Override
    public double toUnit(Object value) {
        double v = ((Number) value).doubleValue();
        return scale == Scale.LOG ? Math.log(v / low) / Math.log(high / low) : (v - low) / (high - low);
    }

    @Override
    public Object fromUnit(double unit) {
        double u = Math.max(0, Math.min(1, unit));
        double v = scale == Scale.LOG ? low * Math.exp(u * Math.log(high / low)) : low + u * (high - low);
        return Math.max(low, Math.min(high, v)); // exp and log may land one ulp outside
    }

    @Override
    public List<Object> gridValues(int points) {
        if (points < 1) {
            throw new IllegalArgumentException("float '" + name + "': grid points must be >= 1, got " + points);
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            out.add(fromUnit(points == 1 ? 0.5 : (double) i / (points - 1)));
        }
        return out;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s: float [%s, %s]%s%s", name, low, high, scale == Scale.LOG ? " log" : "",
                condition == null ? "" : " when " + condition.parent() + " in " + condition.values());
    }

    @Override
    public FloatRange when(String parent, Object... values) {
        return new FloatRange(name, low, high, scale, new Condition(parent, List.of(values)));
    }
}
