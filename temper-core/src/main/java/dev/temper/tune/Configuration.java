package dev.temper.tune;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One point of a search space: the active parameters' values by name, in the space's order. Inactive conditional
 * parameters are absent.
 */
public record Configuration(Map<String, Object> values) {
    public Configuration {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("configuration has no parameter '" + name + "' (it has " + values.keySet() + ")");
        }
        return v;
    }

    public double doubleValue(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public int intValue(String name) {
        return ((Number) get(name)).intValue();
    }

    public String text(String name) {
        return get(name).toString();
    }

    /** {@code learning_rate=0.0012, width=256}: numbers to 4 significant digits. */
    public String describe() {
        StringJoiner j = new StringJoiner(", ");
        values.forEach((k, v) -> j.add(k + "=" + format(v)));
        return j.toString();
    }

    static String format(Object v) {
        if (v instanceof Double d) {
            return String.format(java.util.Locale.ROOT, "%.4g", d);
        }
        return String.valueOf(v);
    }
}
