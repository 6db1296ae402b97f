package dev.temper.cli.config;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Turns run-file text into a tree of plain YAML nodes, and nothing more.
 *
 * <p>The text is only composed (parsed into nodes with line numbers), never constructed into
 * objects, so a tag such as {@code !!javax.script.ScriptEngineManager} cannot instantiate
 * anything. Such tags are refused anyway, twice: SnakeYAML's tag inspector refuses global tags while
 * composing, and every node of the tree must carry one of the plain tags below.
 */
final class SafeYaml {
    private static final Set<Tag> PLAIN_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ);

    private SafeYaml() {}

    /** The document's root node, or null when the text holds no document (empty, or comments only). */
    static Node compose(String text, YamlSource source) {
        AtomicReference<Tag> refusedTag = new AtomicReference<>();
        LoaderOptions options = new LoaderOptions();
        options.setTagInspector(tag -> {
            refusedTag.set(tag);
            return false;
        });
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = refusedTag.get() != null ? refusal(refusedTag.get()) : "invalid YAML: " + e.getProblem()
                    + (e.getContext() != null ? " (" + e.getContext() + ")" : "");
            throw mark != null ? source.error(mark.getLine() + 1, problem) : source.error(problem);
        } catch (ReaderException e) {
            // A control character or invalid code point; the reader knows the offset, not the line.
            throw source.error(lineAt(text, e.getPosition()), "invalid YAML: character "
                    + String.format("U+%04X", e.getCodePoint()) + " is not allowed in YAML");
        } catch (YAMLException e) {
            // Limits such as too many aliases (the "billion laughs" guard) carry no position.
            throw source.error("invalid YAML: " + firstLine(e.getMessage()));
        }
        if (root != null) {
            checkTags(root, source);
        }
        return root;
    }

    /** Walks the tree once; aliases may make it a graph, even a cyclic one, so nodes are visited once. */
    private static void checkTags(Node root, YamlSource source) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (!seen.add(node)) {
                continue;
            }
            if (node.getTag().equals(Tag.MERGE)) {
                throw source.error(node, "merge keys (<<) are not supported; write each setting out");
            }
            if (!PLAIN_TAGS.contains(node.getTag())) {
                throw source.error(node, refusal(node.getTag()));
            }
            if (node instanceof MappingNode mapping) {
                for (NodeTuple entry : mapping.getValue()) {
                    pending.push(entry.getValueNode());
                    pending.push(entry.getKeyNode());
                }
            } else if (node instanceof SequenceNode sequence) {
                sequence.getValue().forEach(pending::push);
            }
        }
    }

    private static String refusal(Tag tag) {
        String shown = tag.getValue().startsWith(Tag.PREFIX)
                ? "!!" + tag.getValue().substring(Tag.PREFIX.length())
                : tag.getValue();
        return "tag " + shown + " is not allowed; a run file holds plain values only";
    }

    private static int lineAt(String text, int codePointOffset) {
        return 1 + (int) text.codePoints().limit(codePointOffset).filter(c -> c == '\n').count();
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
