package dev.temper.cli.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping whose keys were checked on arrival (known, unique, plain names), read key by
 * key with a default for each key that is absent.
 */
final class YamlMapping {
    private final YamlSource source;
    private final Node node;
    private final String where;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMapping(YamlSource source, Node node, String where) {
        this.source = source;
        this.node = node;
        this.where = where;
    }

    /**
     * Checks the keys of {@code mapping}: each a plain name, listed in {@code allowedKeys}, given once.
     *
     * @param where where the mapping sits, for messages: "at top level", "in optimizer"
     */
    static YamlMapping of(YamlSource source, MappingNode mapping, String where, List<String> allowedKeys) {
        return of(source, mapping, where, allowedKeys, key -> "");
    }

    /**
     * Like {@link #of(YamlSource, MappingNode, String, List)}; {@code hint} adds to an unknown key's message (say,
     * which other kind has that key), or gives "" for nothing.
     */
    static YamlMapping of(YamlSource source, MappingNode mapping, String where, List<String> allowedKeys,
                          Function<String, String> hint) {
        YamlMapping result = new YamlMapping(source, mapping, where);
        for (NodeTuple entry : mapping.getValue()) {
            result.add(entry, allowedKeys, hint);
        }
        return result;
    }

    /** The value under {@code key} of a mapping whose keys are not checked yet (the first one); null when absent. */
    static Node peek(MappingNode mapping, String key) {
        for (NodeTuple entry : mapping.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return entry.getValueNode();
            }
        }
        return null;
    }

    private void add(NodeTuple entry, List<String> allowedKeys, Function<String, String> hint) {
        if (!(entry.getKeyNode() instanceof ScalarNode keyNode)) {
            throw source.error(entry.getKeyNode(), "keys " + where + " must be plain names, got "
                    + YamlSource.describe(entry.getKeyNode()));
        }
        String key = keyNode.getValue();
        if (!allowedKeys.contains(key)) {
            throw source.error(keyNode, "unknown key '" + YamlSource.shorten(key) + "' " + where
                    + "; expected one of: " + String.join(", ", allowedKeys) + hint.apply(key));
        }
        NodeTuple first = entries.putIfAbsent(key, entry);
        if (first != null) {
            throw source.error(keyNode, "duplicate key '" + key + "' " + where + " (first given on line "
                    + (first.getKeyNode().getStartMark().getLine() + 1) + ")");
        }
    }

    /**
     * The mapping under {@code key}. Absent, or YAML null ("data:" with every line below commented
     * out), gives an empty mapping: every setting takes its default.
     */
    YamlMapping section(String key, String sectionWhere, List<String> allowedKeys) {
        if (!has(key)) {
            return new YamlMapping(source, node, sectionWhere);
        }
        Node value = value(key);
        if (value instanceof MappingNode mapping) {
            return of(source, mapping, sectionWhere, allowedKeys);
        }
        if (isNull(value)) {
            return new YamlMapping(source, value, sectionWhere);
        }
        throw source.error(value, "'" + key + "' must be a mapping of settings, got " + YamlSource.describe(value));
    }

    /** The entries' keys, in the order written. */
    List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    /** The mapping's node, or where it would be when absent: the line to report whole-section errors at. */
    Node node() {
        return node;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Node value(String key) {
        return entries.get(key).getValueNode();
    }

    /** The value under {@code key}, or null when the key is absent. */
    Node valueOrNull(String key) {
        return has(key) ? value(key) : null;
    }

    /** An error reported at the line of {@code key} itself. */
    ConfigException errorAtKey(String key, String problem) {
        return source.error(entries.get(key).getKeyNode(), problem);
    }

    long longValue(String key, Range range, long fallback) {
        return has(key) ? source.integer(value(key), key, range, Long.MAX_VALUE) : fallback;
    }

    int intValue(String key, Range range, int fallback) {
        return has(key) ? (int) source.integer(value(key), key, range, Integer.MAX_VALUE) : fallback;
    }

    double number(String key, Range range, double fallback) {
        return has(key) ? source.number(value(key), key, range) : fallback;
    }

    boolean bool(String key, boolean fallback) {
        return has(key) ? source.bool(value(key), key) : fallback;
    }

    <E extends Enum<E> & YamlNamed> E choice(String key, String what, List<E> options, E fallback) {
        return has(key) ? source.choice(value(key), what, options) : fallback;
    }

    /** The path under {@code key}, resolved against {@code baseDirectory}; null when absent. */
    Path path(String key, Path baseDirectory) {
        return has(key) ? source.path(value(key), key, baseDirectory) : null;
    }

    /** The text under {@code key}; null when absent. */
    String text(String key) {
        return has(key) ? source.text(value(key), key) : null;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }
}
