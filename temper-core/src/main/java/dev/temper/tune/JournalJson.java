package dev.temper.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON of journal lines: writing a flat object whose values are strings, numbers, booleans, null or one nested
 * object (the configuration), and reading it back strictly. Numbers with a fraction or exponent read as
 * {@code Double}, others as {@code Long}; a non-finite double is written as {@code null} (JSON has no NaN).
 * Errors are {@link IllegalArgumentException}s naming the character offset.
 */
final class JournalJson {
    private static final int MAX_DEPTH = 4;

    private final String text;
    private int pos;

    private JournalJson(String text) {
        this.text = text;
    }

    static String write(Map<String, ?> object) {
        StringBuilder sb = new StringBuilder();
        writeObject(sb, object);
        return sb.toString();
    }

    private static void writeObject(StringBuilder sb, Map<String, ?> object) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> e : object.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            quote(sb, e.getKey());
            sb.append(':');
            writeValue(sb, e.getValue());
        }
        sb.append('}');
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Double d) {
            sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            writeObject(sb, (Map<String, ?>) m);
        } else {
            quote(sb, v.toString());
        }
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
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
        sb.append('"');
    }

    /** Parses one JSON object (the whole text). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String text) {
        JournalJson p = new JournalJson(text);
        p.skipWhitespace();
        if (p.pos >= text.length() || text.charAt(p.pos) != '{') {
            throw p.error("expected a JSON object");
        }
        Object v = p.value(0);
        p.skipWhitespace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the object");
        }
        return (Map<String, Object>) v;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        skipWhitespace();
        if (pos >= text.length()) {
            throw error("unexpected end of line");
        }
        char c = text.charAt(pos);
        if (c == '{') {
            pos++;
            Map<String, Object> out = new LinkedHashMap<>();
            skipWhitespace();
            if (peek('}')) {
                pos++;
                return out;
            }
            while (true) {
                skipWhitespace();
                String key = string();
                skipWhitespace();
                expect(':');
                if (out.put(key, value(depth + 1)) != null) {
                    throw error("key '" + key + "' given twice");
                }
                skipWhitespace();
                if (peek(',')) {
                    pos++;
                } else {
                    expect('}');
                    return out;
                }
            }
        }
        if (c == '[') {
            pos++;
            List<Object> out = new ArrayList<>();
            skipWhitespace();
            if (peek(']')) {
                pos++;
                return out;
            }
            while (true) {
                out.add(value(depth + 1));
                skipWhitespace();
                if (peek(',')) {
                    pos++;
                } else {
                    expect(']');
                    return out;
                }
            }
        }
        if (c == '"') {
            return string();
        }
        if (text.startsWith("true", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        if (text.startsWith("null", pos)) {
            pos += 4;
            return null;
        }
        return number();
    }

    private Object number() {
        int start = pos;
        boolean fraction = false;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            fraction |= "eE.".indexOf(text.charAt(pos)) >= 0;
            pos++;
        }
        String s = text.substring(start, pos);
        try {
            return fraction ? (Object) Double.parseDouble(s) : (Object) Long.parseLong(s);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("expected a value, got '" + (s.isEmpty() ? text.substring(start, Math.min(text.length(), start + 10)) : s) + "'");
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unterminated escape");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("short \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at character " + (pos + 1));
    }
}
