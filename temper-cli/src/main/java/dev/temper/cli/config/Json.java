package dev.temper.cli.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON text from ordered maps, lists, strings, numbers and booleans (all the CLI writes). Non-finite numbers become
 * null (JSON has no NaN). What it writes is also YAML that {@link TrainConfigParser} reads, which is how a model
 * file's config and preprocessing are read back.
 */
public final class Json {
    private Json() {}

    /** An object, one field per line, nested objects indented; ends with a newline. */
    public static String object(Map<String, ?> fields) {
        return value(fields, "") + "\n";
    }

    private static String value(Object v, String indent) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?> map) {
            return map(map, indent);
        }
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(value(list.get(i), indent));
            }
            return sb.append(']').toString();
        }
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof Float f) {
            return number(f.doubleValue());
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return quote(v.toString());
    }

    private static String map(Map<?, ?> fields, String indent) {
        if (fields.isEmpty()) {
            return "{}";
        }
        String inner = indent + "  ";
        StringBuilder sb = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            sb.append(inner).append(quote(e.getKey().toString())).append(": ").append(value(e.getValue(), inner));
            sb.append(++i < fields.size() ? ",\n" : "\n");
        }
        return sb.append(indent).append('}').toString();
    }

    /**
     * Shortest round-trip form, with an explicit exponent sign ({@code 1.0E+10}): YAML 1.1 readers take
     * {@code 1.0E10} for text, and the files written here are read back as YAML too.
     */
    public static String number(double d) {
        if (!Double.isFinite(d)) {
            return "null";
        }
        String s = Double.toString(d);
        int e = s.indexOf('E');
        return e >= 0 && s.charAt(e + 1) != '-' ? s.substring(0, e + 1) + "+" + s.substring(e + 1) : s;
    }

    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
