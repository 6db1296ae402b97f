package dev.temper.cli.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The settings of one optimizer, schedule, callback or augmentation: every key its kind accepts, in the kind's
 * order, with the value given or the default. Built by {@link #checked}, so two equal configs always mean the same
 * run and a report can list every value actually used. Values are Double, Integer, Boolean, String, a List of
 * Integer, or null for an optional setting left out.
 */
public record Settings(Map<String, Object> values) {

    public Settings {
        if (values == null) {
            throw new IllegalArgumentException("values must not be null");
        }
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values)); // keeps order; allows null values
    }

    /** No values given: {@link #checked} fills in every default. */
    public static Settings none() {
        return new Settings(Map.of());
    }

    /**
     * The complete settings for a kind: every key of {@code schema}, the given value checked or the default.
     *
     * @param owner how messages name the kind: "optimizer sgd"
     * @throws IllegalArgumentException for a key the kind lacks, a value of the wrong type or out of range, or a
     *     required setting that is missing
     */
    public static Settings checked(String owner, List<Setting> schema, Settings given) {
        for (String key : given.values.keySet()) {
            if (schema.stream().noneMatch(s -> s.key().equals(key))) {
                throw new IllegalArgumentException(owner + " has no setting '" + key + "'; expected one of: "
                        + keys(schema));
            }
        }
        Map<String, Object> complete = new LinkedHashMap<>();
        for (Setting setting : schema) {
            boolean given1 = given.values.containsKey(setting.key());
            if (!given1 && setting.required()) {
                throw new IllegalArgumentException(owner + " needs '" + setting.key() + "'");
            }
            Object value = given1 ? given.values.get(setting.key()) : setting.defaultValue();
            try {
                complete.put(setting.key(), setting.check(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(owner + ": " + e.getMessage(), e);
            }
        }
        return new Settings(complete);
    }

    /** The keys of a schema, comma-separated, in order. */
    static String keys(List<Setting> schema) {
        return schema.stream().map(Setting::key).collect(Collectors.joining(", "));
    }

    /** A copy with {@code key} set to {@code value} (checked when the owning record is built). */
    public Settings with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new Settings(copy);
    }

    /** Whether {@code key} holds a value (false for an optional setting left out). */
    public boolean isSet(String key) {
        return get(key) != null;
    }

    public Object get(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("no setting '" + key + "'; the settings are " + values.keySet());
        }
        return values.get(key);
    }

    public double number(String key) {
        return ((Number) present(key)).doubleValue();
    }

    public int integer(String key) {
        return (Integer) present(key);
    }

    public boolean flag(String key) {
        return (Boolean) present(key);
    }

    public String text(String key) {
        return (String) present(key);
    }

    @SuppressWarnings("unchecked")
    public List<Integer> integers(String key) {
        return (List<Integer>) present(key);
    }

    private Object present(String key) {
        Object value = get(key);
        if (value == null) {
            throw new IllegalArgumentException("setting '" + key + "' is not set");
        }
        return value;
    }
}
