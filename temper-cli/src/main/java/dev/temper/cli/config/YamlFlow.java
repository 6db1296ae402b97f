package dev.temper.cli.config;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Composed YAML nodes merged (a study's regime over its base run) and written back as one line of flow style. */
final class YamlFlow {
    private YamlFlow() {}

    /**
     * {@code change} over {@code base}: keys of both mappings are merged recursively, any other value of
     * {@code change} replaces the base's; the nodes keep their positions, so errors still name the line they
     * came from.
     */
    static Node merge(Node base, Node change) {
        if (!(base instanceof MappingNode b) || !(change instanceof MappingNode c)) {
            return change;
        }
        List<NodeTuple> out = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (NodeTuple t : c.getValue()) {
            changed.add(key(t));
        }
        for (NodeTuple t : b.getValue()) {
            int i = changed.indexOf(key(t));
            if (i < 0 || key(t) == null) {
                out.add(t);
            } else {
                NodeTuple over = c.getValue().get(i);
                out.add(new NodeTuple(over.getKeyNode(), merge(t.getValueNode(), over.getValueNode())));
            }
        }
        for (NodeTuple t : c.getValue()) {
            boolean inBase = b.getValue().stream().anyMatch(x -> key(x) != null && key(x).equals(key(t)));
            if (!inBase) {
                out.add(t);
            }
        }
        return new MappingNode(Tag.MAP, out, c.getFlowStyle());
    }

    private static String key(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
    }

    /** A mapping's entries as {@code key: value, ...} in flow style; nested mappings in braces, lists in brackets. */
    static String of(MappingNode mapping) {
        List<String> parts = new ArrayList<>();
        for (NodeTuple t : mapping.getValue()) {
            parts.add(text(t.getKeyNode()) + ": " + text(t.getValueNode()));
        }
        return String.join(", ", parts);
    }

    private static String text(Node node) {
        if (node instanceof MappingNode m) {
            return "{" + of(m) + "}";
        }
        if (node instanceof SequenceNode s) {
            List<String> items = new ArrayList<>();
            for (Node n : s.getValue()) {
                items.add(text(n));
            }
            return "[" + String.join(", ", items) + "]";
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.getTag().equals(Tag.NULL) ? "null" : scalar.getValue();
    }
}
