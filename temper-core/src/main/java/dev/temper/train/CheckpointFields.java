package dev.temper.train;

import dev.temper.io.ModelFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, checked access to one JSON object of a checkpoint's state (as {@link dev.temper.io.StrictJson} parsed it):
 * each getter either returns a value of the expected type or throws a one-line {@link ModelFileException} naming
 * the file and the field's path ({@code history[2].val_loss}). Fractional numbers are strings (the strict JSON
 * subset has integers only), written by {@link Double#toString} so that they round-trip exactly.
 */
final class CheckpointFields {
    private final Path file;
    private final String where;
    private final Map<?, ?> values;

    private CheckpointFields(Path file, String where, Map<?, ?> values) {
        this.file = file;
        this.where = where;
        this.values = values;
    }

    static CheckpointFields root(Path file, Object json) {
        if (!(json instanceof Map<?, ?> map)) {
            throw new ModelFileException(file, "checkpoint state is not a JSON object");
        }
        return new CheckpointFields(file, "", map);
    }

    static String number(double value) {
        return Double.toString(value);
    }

    @SuppressWarnings("unchecked")
    Set<String> keys() {
        return (Set<String>) values.keySet();
    }

    CheckpointFields object(String key) {
        Object v = get(key);
        if (!(v instanceof Map<?, ?> map)) {
            throw problem(key, "expected an object");
        }
        return new CheckpointFields(file, path(key), map);
    }

    /** The objects of the list {@code key}. */
    List<CheckpointFields> objects(String key) {
        List<CheckpointFields> out = new ArrayList<>();
        List<?> list = list(key);
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw problem(key + "[" + i + "]", "expected an object");
            }
            out.add(new CheckpointFields(file, path(key) + "[" + i + "]", map));
        }
        return out;
    }

    List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        List<?> list = list(key);
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s)) {
                throw problem(key + "[" + i + "]", "expected a string");
            }
            out.add(s);
        }
        return out;
    }

    long integer(String key, long min, long max) {
        Object v = get(key);
        if (!(v instanceof Long n)) {
            throw problem(key, "expected an integer");
        }
        if (n < min || n > max) {
            throw problem(key, "expected an integer in [" + min + ", " + max + "], got " + n);
        }
        return n;
    }

    String text(String key) {
        Object v = get(key);
        if (!(v instanceof String s)) {
            throw problem(key, "expected a string");
        }
        return s;
    }

    /** A number written as a string ("0.25", "NaN", "-Infinity"). */
    double number(String key) {
        String s = text(key);
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw problem(key, "expected a number written as a string, got \"" + shorten(s) + "\"");
        }
    }

    /** An object whose every value is a number written as a string. */
    Map<String, Double> numbers(String key) {
        CheckpointFields o = object(key);
        Map<String, Double> out = new LinkedHashMap<>();
        for (String k : o.keys()) {
            out.put(k, o.number(k));
        }
        return out;
    }

    /** An object whose every value is a string. */
    Map<String, String> texts(String key) {
        CheckpointFields o = object(key);
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : o.keys()) {
            out.put(k, o.text(k));
        }
        return out;
    }

    ModelFileException problem(String key, String what) {
        return new ModelFileException(file, "checkpoint field '" + path(key) + "': " + what);
    }

    private List<?> list(String key) {
        Object v = get(key);
        if (!(v instanceof List<?> list)) {
            throw problem(key, "expected an array");
        }
        return list;
    }

    private Object get(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new ModelFileException(file, "checkpoint field '" + path(key) + "' is missing");
        }
        return v;
    }

    private String path(String key) {
        return where.isEmpty() ? key : where + "." + key;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
