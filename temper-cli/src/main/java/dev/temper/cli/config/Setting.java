package dev.temper.cli.config;

import java.util.ArrayList;
import java.util.List;

/**
 * One key that a kind of optimizer, schedule, callback or augmentation accepts: its run-file name, the values it
 * takes, and what it is when left out.
 *
 * <p>Three presences: a setting with a default takes it when absent; an optional one is null when absent and null
 * means "none" ({@code clip_norm}: no clipping; {@code baseline}: no baseline; a schedule's {@code period}: the whole
 * run); a required one must be given ({@code step_size} of a step schedule).
 *
 * @param key the name in the run file, snake_case
 * @param type what values it takes
 * @param range the range a NUMBER or INTEGER (each element of an INTEGER_LIST) must lie in; ANY for other types
 * @param defaultValue the value when absent; null for an optional or required setting
 * @param required whether the setting must be given
 * @param choices the words a CHOICE accepts; empty for other types
 */
public record Setting(String key, SettingType type, Range range, Object defaultValue, boolean required,
                      List<String> choices) {

    public Setting {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key must be a non-empty name, got '" + key + "'");
        }
        if (type == null || range == null) {
            throw new IllegalArgumentException("setting '" + key + "': type and range must not be null");
        }
        choices = List.copyOf(choices);
        if ((type == SettingType.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException("setting '" + key + "': choices go with type CHOICE only, got " + choices);
        }
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("setting '" + key + "': a required setting has no default, got " + defaultValue);
        }
        if (defaultValue != null) {
            // the default obeys the rule users are held to (and is stored normalized: 0 as 0.0 for a NUMBER)
            Setting rule = new Setting(key, type, range, null, false, choices);
            defaultValue = rule.check(defaultValue);
        }
    }

    /** A number with a default. */
    static Setting number(String key, Range range, double defaultValue) {
        return new Setting(key, SettingType.NUMBER, range, defaultValue, false, List.of());
    }

    /** A number that is null ("none") when absent. */
    static Setting optionalNumber(String key, Range range) {
        return new Setting(key, SettingType.NUMBER, range, null, false, List.of());
    }

    /** A number that must be given. */
    static Setting requiredNumber(String key, Range range) {
        return new Setting(key, SettingType.NUMBER, range, null, true, List.of());
    }

    static Setting integer(String key, Range range, int defaultValue) {
        return new Setting(key, SettingType.INTEGER, range, defaultValue, false, List.of());
    }

    static Setting optionalInteger(String key, Range range) {
        return new Setting(key, SettingType.INTEGER, range, null, false, List.of());
    }

    static Setting requiredInteger(String key, Range range) {
        return new Setting(key, SettingType.INTEGER, range, null, true, List.of());
    }

    static Setting requiredIntegers(String key, Range range) {
        return new Setting(key, SettingType.INTEGER_LIST, range, null, true, List.of());
    }

    static Setting flag(String key, boolean defaultValue) {
        return new Setting(key, SettingType.FLAG, Range.ANY, defaultValue, false, List.of());
    }

    static Setting text(String key, String defaultValue) {
        return new Setting(key, SettingType.TEXT, Range.ANY, defaultValue, false, List.of());
    }

    static Setting choice(String key, String defaultValue, List<String> choices) {
        return new Setting(key, SettingType.CHOICE, Range.ANY, defaultValue, false, choices);
    }

    /** Absent means null: no default, not required. */
    public boolean optional() {
        return !required && defaultValue == null;
    }

    /**
     * {@code value} in this setting's normal form (Double, Integer, Boolean, String, List of Integer), or an
     * IllegalArgumentException naming the key and the value. Null passes only for an optional setting.
     */
    public Object check(Object value) {
        if (value == null) {
            if (optional()) {
                return null;
            }
            throw new IllegalArgumentException(key + (required ? " must be given" : " must not be null"));
        }
        return switch (type) {
            case NUMBER -> {
                if (!(value instanceof Number n) || !range.contains(n.doubleValue())) {
                    throw mismatch(value, range.describe("a number"));
                }
                yield n.doubleValue();
            }
            case INTEGER -> whole(value, range.describe("an integer"));
            case FLAG -> {
                if (!(value instanceof Boolean)) {
                    throw mismatch(value, "true or false");
                }
                yield value;
            }
            case TEXT -> {
                if (!(value instanceof String s) || s.isBlank()) {
                    throw mismatch(value, "a non-empty text");
                }
                yield value;
            }
            case CHOICE -> {
                if (!(value instanceof String s) || !choices.contains(s)) {
                    throw mismatch(value, "one of: " + String.join(", ", choices));
                }
                yield value;
            }
            case INTEGER_LIST -> integers(value);
        };
    }

    private Integer whole(Object value, String expected) {
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() <= Integer.MAX_VALUE
                && range.contains(((Number) value).longValue())) {
            return (int) ((Number) value).longValue();
        }
        throw mismatch(value, expected);
    }

    private List<Integer> integers(Object value) {
        String expected = "a non-empty, strictly increasing list of integers " + range.describe("").strip();
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw mismatch(value, expected);
        }
        List<Integer> out = new ArrayList<>();
        for (Object element : list) {
            if (element == null) {
                throw mismatch(value, expected);
            }
            int next = whole(element, expected);
            if (!out.isEmpty() && next <= out.get(out.size() - 1)) {
                throw mismatch(value, expected);
            }
            out.add(next);
        }
        return List.copyOf(out);
    }

    private IllegalArgumentException mismatch(Object value, String expected) {
        String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        return new IllegalArgumentException(key + " must be " + expected + ", got " + shown);
    }
}
