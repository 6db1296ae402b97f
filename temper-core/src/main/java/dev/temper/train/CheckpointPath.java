package dev.temper.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The file name pattern of a {@link ModelCheckpoint}, in the style of Keras's {@code filepath} (a Python format
 * string): {@code {epoch}} or {@code {epoch:03d}} is the epoch number (from 1; {@code 0N} pads with zeros to N
 * digits), {@code {val_loss}} or {@code {val_loss:.4f}} the value of any monitored quantity of the epoch's record
 * (see {@link Monitor}; {@code .Nf} gives N decimals, none gives {@link Double#toString}). {@code {{} and
 * {@code }}} stand for literal braces.
 */
final class CheckpointPath {
    private static final Pattern EPOCH_FORMAT = Pattern.compile("(0?[1-9])?d");
    private static final Pattern NUMBER_FORMAT = Pattern.compile("\\.[0-9]{1,2}f");

    /** A literal (name null) or a placeholder. */
    private record Part(String literal, String name, String format) {}

    private final String pattern;
    private final List<Part> parts = new ArrayList<>();

    CheckpointPath(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            throw new IllegalArgumentException("ModelCheckpoint: path pattern must be non-empty, got '" + pattern + "'");
        }
        this.pattern = pattern;
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < pattern.length() && pattern.charAt(i + 1) == c) {
                literal.append(c);
                i++;
            } else if (c == '{') {
                int close = pattern.indexOf('}', i);
                if (close < 0) {
                    throw error("'{' at character " + i + " is never closed");
                }
                parts.add(new Part(literal.toString(), null, null));
                literal.setLength(0);
                parts.add(placeholder(pattern.substring(i + 1, close)));
                i = close;
            } else if (c == '}') {
                throw error("'}' at character " + i + " closes nothing (write '}}' for a brace)");
            } else {
                literal.append(c);
            }
        }
        parts.add(new Part(literal.toString(), null, null));
    }

    private Part placeholder(String body) {
        int colon = body.indexOf(':');
        String name = colon < 0 ? body : body.substring(0, colon);
        String format = colon < 0 ? "" : body.substring(colon + 1);
        if (name.isEmpty()) {
            throw error("placeholder '{" + body + "}' has no name (expected {epoch} or a quantity such as {val_loss})");
        }
        Pattern allowed = name.equals("epoch") ? EPOCH_FORMAT : NUMBER_FORMAT;
        if (!format.isEmpty() && !allowed.matcher(format).matches()) {
            throw error("placeholder '{" + body + "}' has format '" + format + "'; expected "
                    + (name.equals("epoch") ? "d or 0Nd, as in {epoch:03d}" : ".Nf, as in {" + name + ":.4f}"));
        }
        return new Part(null, name, format);
    }

    /** The path for the epoch of {@code record}. */
    Path format(EpochRecord record) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p.name() == null) {
                sb.append(p.literal());
            } else if (p.name().equals("epoch")) {
                sb.append(String.format(Locale.ROOT, "%" + (p.format().isEmpty() ? "d" : p.format()), record.epoch()));
            } else {
                double v = Monitor.of(p.name(), MonitorMode.AUTO).value(record);
                sb.append(p.format().isEmpty() ? Double.toString(v) : String.format(Locale.ROOT, "%" + p.format(), v));
            }
        }
        return Path.of(sb.toString());
    }

    @Override
    public String toString() {
        return pattern;
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("ModelCheckpoint: path pattern '" + pattern + "': " + problem);
    }
}
