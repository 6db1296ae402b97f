package dev.temper.cli.config;

import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One run file's name, and the conversions from YAML nodes to values whose errors carry that
 * name and the node's line.
 */
record YamlSource(String name) {
    private static final int SHOWN_CHARACTERS = 40;

    ConfigException error(Node at, String problem) {
        return error(at.getStartMark().getLine() + 1, problem);
    }

    ConfigException error(int line, String problem) {
        return new ConfigException(name + " line " + line + ": " + oneLine(problem));
    }

    ConfigException error(String problem) {
        return new ConfigException(name + ": " + oneLine(problem));
    }

    /** Builds a record, reporting a rule it enforces at {@code anchor}'s line. */
    <T> T build(Node anchor, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw error(anchor, e.getMessage());
        }
    }

    /** An integer scalar within {@code range} and at most {@code max}; a float is refused. */
    long integer(Node node, String key, Range range, long max) {
        String expected = "'" + key + "' must be " + range.describe("an integer");
        Object value = node.getTag().equals(Tag.INT) ? construct(node, Tag.INT) : null;
        if (value instanceof BigInteger big) { // beyond 64 bits, either way
            String bound = big.signum() > 0 ? " and at most " + max
                    : range == Range.ANY ? " and at least " + Long.MIN_VALUE : "";
            throw error(node, expected + bound + ", got " + describe(node));
        }
        if (value instanceof Number number) { // Integer or Long
            long whole = number.longValue();
            if (whole > max) {
                throw error(node, expected + " and at most " + max + ", got " + describe(node));
            }
            if (range.contains(whole)) {
                return whole;
            }
        }
        throw error(node, expected + ", got " + describe(node));
    }

    /** A number within {@code range}; an integer such as {@code 1} is taken as 1.0. */
    double number(Node node, String key, Range range) {
        Tag tag = node.getTag();
        Object value = tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) ? construct(node, tag) : null;
        if (value instanceof Number number && range.contains(number.doubleValue())) {
            return number.doubleValue();
        }
        throw error(node, "'" + key + "' must be " + range.describe("a number") + ", got " + describe(node));
    }

    boolean bool(Node node, String key) {
        Object value = node.getTag().equals(Tag.BOOL) ? construct(node, Tag.BOOL) : null;
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw error(node, "'" + key + "' must be true or false, got " + describe(node));
    }

    /** A file path, resolved against {@code baseDirectory} when relative. */
    Path path(Node node, String key, Path baseDirectory) {
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL) && !scalar.getValue().isBlank()) {
            try {
                return baseDirectory.resolve(scalar.getValue()).normalize();
            } catch (InvalidPathException e) {
                throw error(node, "'" + key + "' is not a valid path: " + e.getReason() + ", got " + describe(node));
            }
        }
        throw error(node, "'" + key + "' must be a file path, got " + describe(node));
    }

    /** A non-empty text value (a column name). */
    String text(Node node, String key) {
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL) && !scalar.getValue().isBlank()) {
            return scalar.getValue();
        }
        throw error(node, "'" + key + "' must be a non-empty text, got " + describe(node));
    }

    /** One of {@code options}, by YAML name: "optimizer 'adamw' is not supported; expected one of: adam, sgd". */
    <E extends Enum<E> & YamlNamed> E choice(Node node, String what, List<E> options) {
        return choice(node, what, options, names(options));
    }

    /** Like {@link #choice}, but YAML null (or an empty value) gives null. */
    <E extends Enum<E> & YamlNamed> E choiceOrNull(Node node, String what, List<E> options) {
        if (node instanceof ScalarNode && node.getTag().equals(Tag.NULL)) {
            return null;
        }
        return choice(node, what, options, names(options) + ", null");
    }

    private <E extends Enum<E> & YamlNamed> E choice(Node node, String what, List<E> options, String expected) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, what + " must be one of: " + expected + ", got " + describe(node));
        }
        for (E option : options) {
            if (option.yamlName().equals(scalar.getValue())) {
                return option;
            }
        }
        throw error(node, what + " '" + shorten(scalar.getValue()) + "' is not supported; expected one of: " + expected);
    }

    /** How a node is shown after "got": "ten" in quotes when it is a string, 2.5 bare, "a list". */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar.getTag().equals(Tag.NULL)) {
            return "null";
        }
        String text = shorten(scalar.getValue());
        return scalar.getTag().equals(Tag.STR) ? "\"" + text + "\"" : text;
    }

    static String shorten(String text) {
        String line = oneLine(text);
        return line.length() <= SHOWN_CHARACTERS ? line : line.substring(0, SHOWN_CHARACTERS) + "...";
    }

    private static String oneLine(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String names(List<? extends YamlNamed> options) {
        return options.stream().map(YamlNamed::yamlName).collect(Collectors.joining(", "));
    }

    /**
     * SnakeYAML's own reading of a standard scalar (YAML 1.1: 0x1F, 1_000, 1e-8, yes/no), so the
     * parser agrees with every other YAML 1.1 tool. These constructors build only numbers and
     * booleans; nothing else is ever constructed. Null when the text does not fit the tag.
     */
    private static Object construct(Node node, Tag tag) {
        SafeConstructor safe = new SafeConstructor(new LoaderOptions());
        AbstractConstruct construct = tag.equals(Tag.INT)
                ? safe.new ConstructYamlInt()
                : tag.equals(Tag.FLOAT) ? safe.new ConstructYamlFloat() : safe.new ConstructYamlBool();
        try {
            return construct.construct(node);
        } catch (RuntimeException e) {
            return null; // an explicit !!int on text that is no integer
        }
    }
}
