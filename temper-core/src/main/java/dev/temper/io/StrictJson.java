package dev.temper.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader and writer for the small subset of JSON a safetensors header uses: objects (a repeated key is an
 * error, as the format requires), arrays, strings with the escapes of RFC 8259, and integers that fit a
 * {@code long}. Fractions, exponents, {@code true}/{@code false}/{@code null} and anything else are rejected: no
 * valid header contains them, and accepting less leaves fewer ways for a hostile file to surprise the reader.
 * Nesting is capped so that a file of ten million {@code [} cannot overflow the stack.
 *
 * <p>Values come back as {@code Map<String, Object>} (insertion order), {@code List<Object>}, {@code String} and
 * {@code Long}. Errors are {@link IllegalArgumentException}s naming the character offset; the reader adds the file.
 * Other structured metadata kept in safetensors files (a training checkpoint's state) uses the same subset, with
 * fractional numbers written as strings so that they round-trip exactly, and is read by this same parser.
 */
public final class StrictJson {
    /** A header nests three levels deep; other metadata a few more; anything far deeper is not ours. */
    private static final int MAX_DEPTH = 16;
    /** 10^18: integers of up to 18 digits always fit a long, and no header needs more. */
    private static final long MAX_INTEGER_EXCLUSIVE = 1_000_000_000_000_000_000L;

    private final String text;
    private final String what;
    private int pos;

    private StrictJson(String text, String what) {
        this.text = text;
        this.what = what;
    }

    /**
     * Parses {@code text}: one value, surrounded by optional whitespace (the format pads headers with spaces).
     *
     * @param what names the text in errors ("header" gives "invalid JSON header at character 12: ...")
     * @throws IllegalArgumentException naming the character offset and the problem
     */
    public static Object parse(String text, String what) {
        StrictJson p = new StrictJson(text, what);
        p.skipWhitespace();
        Object value = p.value(0);
        p.skipWhitespace();
        if (p.pos != text.length()) {
            throw p.error("unexpected " + p.describe() + " after the end of the JSON value");
        }
        return value;
    }

    /**
     * Writes {@code value} in the subset {@link #parse} reads: maps with string keys (in their iteration order),
     * lists, strings, and {@code Integer}/{@code Long} of at most 18 digits; compact, without whitespace.
     *
     * @throws IllegalArgumentException for any other value (a {@code Double}, or a larger integer, must be written as
     *     a string)
     */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, 0);
        return sb.toString();
    }

    private static void write(Object value, StringBuilder sb, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("StrictJson.write: value nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value instanceof String s) {
            sb.append(SafeTensors.quote(s));
        } else if (value instanceof Long || value instanceof Integer) {
            long n = ((Number) value).longValue();
            if (n <= -MAX_INTEGER_EXCLUSIVE || n >= MAX_INTEGER_EXCLUSIVE) {
                throw new IllegalArgumentException("StrictJson.write: integer " + n + " has more than 18 digits, which "
                        + "parse refuses; write it as a string");
            }
            sb.append(n);
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("StrictJson.write: object keys must be strings, got " + e.getKey());
                }
                sb.append(sep).append(SafeTensors.quote(key)).append(':');
                write(e.getValue(), sb, depth + 1);
                sep = ",";
            }
            sb.append('}');
        } else if (value instanceof List<?> list) {
            sb.append('[');
            String sep = "";
            for (Object item : list) {
                sb.append(sep);
                write(item, sb, depth + 1);
                sep = ",";
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("StrictJson.write: only maps, lists, strings and integers can be written, got "
                    + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
        }
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        if (pos >= text.length()) {
            throw error("unexpected end of JSON");
        }
        char c = text.charAt(pos);
        if (c == '{') {
            return object(depth);
        } else if (c == '[') {
            return array(depth);
        } else if (c == '"') {
            return string();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            return integer();
        }
        throw error("unexpected " + describe() + " (only objects, arrays, strings and integers are allowed)");
    }

    private Map<String, Object> object(int depth) {
        pos++; // '{'
        Map<String, Object> out = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return out;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key, got " + describe());
            }
            int keyAt = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object v = value(depth + 1);
            if (out.put(key, v) != null) {
                pos = keyAt;
                throw error("duplicate key " + SafeTensors.quote(key.length() <= 40 ? key : key.substring(0, 40) + "..."));
            }
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == '}') {
                pos++;
                return out;
            } else {
                throw error("expected ',' or '}', got " + describe());
            }
        }
    }

    private List<Object> array(int depth) {
        pos++; // '['
        List<Object> out = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return out;
        }
        while (true) {
            skipWhitespace();
            out.add(value(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == ']') {
                pos++;
                return out;
            } else {
                throw error("expected ',' or ']', got " + describe());
            }
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            } else if (c < 0x20) {
                pos--;
                throw error("control character U+" + String.format("%04X", (int) c) + " inside a string");
            } else if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unterminated escape");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(hex4());
                default -> {
                    pos--;
                    throw error("invalid escape \\" + printable(e));
                }
            }
        }
    }

    private char hex4() {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
                throw error("invalid \\u escape");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private Long integer() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int digitsFrom = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        int digits = pos - digitsFrom;
        if (digits == 0) {
            throw error("expected a digit, got " + describe());
        }
        if (digits > 1 && text.charAt(digitsFrom) == '0') {
            pos = digitsFrom;
            throw error("integer with a leading zero");
        }
        char next = peek();
        if (next == '.' || next == 'e' || next == 'E') {
            throw error("only integers are allowed, got a fraction or exponent");
        }
        if (digits > 18) { // 18 digits always fit a long; no header needs more
            pos = start;
            throw error("integer " + text.substring(start, Math.min(start + 40, text.length())) + " is too large");
        }
        return Long.parseLong(text.substring(start, pos));
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "', got " + describe());
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String describe() {
        return pos >= text.length() ? "end of JSON" : "'" + printable(text.charAt(pos)) + "'";
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("U+%04X", (int) c);
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("invalid JSON " + what + " at character " + pos + ": " + problem);
    }
}
