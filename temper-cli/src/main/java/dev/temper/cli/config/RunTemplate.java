package dev.temper.cli.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The base run of a tune file, as a tree that search values are written into by dotted key
 * ({@code optimizer.learning_rate}, {@code model.layers[1].dense}) before it is read as a run file. Writing into
 * the run file itself, rather than mapping each search key to a config field, means every key {@code temper
 * train} knows can be searched, with the same checks and messages.
 *
 * <p>A trial's run is emitted as flow YAML (JSON-like): strings double-quoted, numbers, booleans and nulls plain,
 * so that each value keeps the type the run-file parser expects.
 */
public final class RunTemplate {
    private final Object root;
    private final String sourceName;
    private final Path baseDirectory;

    /** A plain scalar keeps its text and is emitted unquoted; a string is emitted quoted. */
    private record Scalar(String text, boolean plain) {}

    RunTemplate(MappingNode base, String sourceName, Path baseDirectory) {
        this.root = base == null ? new LinkedHashMap<String, Object>() : tree(base);
        this.sourceName = sourceName;
        this.baseDirectory = baseDirectory;
    }

    private static Object tree(Node node) {
        if (node instanceof MappingNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                out.put(((ScalarNode) t.getKeyNode()).getValue(), tree(t.getValueNode()));
            }
            return out;
        }
        if (node instanceof SequenceNode s) {
            List<Object> out = new ArrayList<>();
            for (Node n : s.getValue()) {
                out.add(tree(n));
            }
            return out;
        }
        ScalarNode s = (ScalarNode) node;
        Tag tag = s.getTag();
        boolean plain = tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL);
        return new Scalar(s.getValue(), plain);
    }

    /** The run with {@code values} (dotted key to value) written in, as run-file text. */
    public String render(Map<String, Object> values) {
        Object copy = copy(root);
        for (Map.Entry<String, Object> e : values.entrySet()) {
            set(copy, e.getKey(), e.getValue());
        }
        StringBuilder sb = new StringBuilder();
        emit(sb, copy);
        return sb.append('\n').toString();
    }

    /** The run with {@code values} written in, parsed and checked as {@code temper train} would. */
    public TrainConfig config(Map<String, Object> values, String description) {
        return TrainConfigParser.parse(render(values), sourceName + " (" + description + ")", baseDirectory);
    }

    /** Checks that {@code key} names a place a value can be written (the list entries it goes through exist). */
    public void checkKey(String key) {
        set(copy(root), key, new Scalar("0", true));
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, copy(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object v : l) {
                out.add(copy(v));
            }
            return out;
        }
        return o;
    }

    /** {@code model.layers[1].dense} and {@code model.layers.1.dense} both become [model, layers, 1, dense]. */
    static List<String> tokens(String key) {
        List<String> out = new ArrayList<>();
        for (String part : key.split("\\.", -1)) {
            int bracket = part.indexOf('[');
            String head = bracket < 0 ? part : part.substring(0, bracket);
            if (head.isEmpty() && bracket != 0) {
                throw new IllegalArgumentException("search key '" + key + "' has an empty part");
            }
            if (!head.isEmpty()) {
                out.add(head);
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                if (close < 0) {
                    throw new IllegalArgumentException("search key '" + key + "' has an unclosed '['");
                }
                out.add(part.substring(bracket + 1, close));
                bracket = part.indexOf('[', close);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void set(Object root, String key, Object value) {
        List<String> tokens = tokens(key);
        Object at = root;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            boolean last = i == tokens.size() - 1;
            if (at instanceof Map<?, ?> m) {
                Map<String, Object> map = (Map<String, Object>) m;
                if (last) {
                    map.put(t, value);
                    return;
                }
                Object next = map.get(t);
                if (next == null || next instanceof Scalar s && s.plain() && s.text().isEmpty()) {
                    next = new LinkedHashMap<String, Object>();
                    map.put(t, next);
                }
                at = next;
            } else if (at instanceof List<?> l) {
                int index;
                try {
                    index = Integer.parseInt(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("search key '" + key + "': " + path + " is a list; give an index, got '" + t + "'");
                }
                if (index < 0 || index >= l.size()) {
                    throw new IllegalArgumentException("search key '" + key + "': " + path + " has " + l.size()
                            + " entries (indices 0 to " + (l.size() - 1) + "), got index " + index);
                }
                if (last) {
                    ((List<Object>) l).set(index, value);
                    return;
                }
                at = l.get(index);
            } else {
                throw new IllegalArgumentException("search key '" + key + "': " + path + " is a single value ("
                        + ((Scalar) at).text() + "), not a mapping or list");
            }
            path.append(path.length() == 0 ? "" : ".").append(t);
        }
    }

    @SuppressWarnings("unchecked")
    private static void emit(StringBuilder sb, Object o) {
        if (o instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                sb.append(first ? "" : ", ");
                first = false;
                quote(sb, e.getKey());
                sb.append(": ");
                emit(sb, e.getValue());
            }
            sb.append('}');
        } else if (o instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                emit(sb, l.get(i));
            }
            sb.append(']');
        } else if (o instanceof Scalar s) {
            if (s.plain()) {
                sb.append(s.text().isEmpty() ? "null" : s.text());
            } else {
                quote(sb, s.text());
            }
        } else if (o instanceof Double d) {
            sb.append(Double.toString(d)); // 1.0E-4: a float to YAML 1.1, which "1e-4" is not
        } else if (o instanceof Number || o instanceof Boolean) {
            sb.append(o);
        } else {
            quote(sb, String.valueOf(o));
        }
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
