package dev.temper.cli.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the settings of a {@link ConfigKind} from YAML, one value per key, each error at the line of its value. The
 * rules between settings are left to the record the settings go into.
 */
final class SettingsReader {
    private SettingsReader() {}

    /** The settings the mapping gives for {@code kind} (keys already checked); absent ones are left out. */
    static Settings read(YamlMapping mapping, ConfigKind kind, YamlSource source) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (Setting setting : kind.settings()) {
            if (mapping.has(setting.key())) {
                given.put(setting.key(), value(mapping.value(setting.key()), setting, source));
            }
        }
        return new Settings(given);
    }

    /** The keys {@code kind} accepts after any that every kind of its section has ({@code name}). */
    static List<String> keys(ConfigKind kind, List<String> before, List<String> after) {
        List<String> keys = new ArrayList<>(before);
        kind.settings().forEach(s -> keys.add(s.key()));
        keys.addAll(after);
        return keys;
    }

    /**
     * For an unknown key: which other kinds accept it, so "beta1 in optimizer sgd" says that adam has it; "" when
     * none does.
     */
    static <K extends Enum<K> & ConfigKind> Function<String, String> ownersHint(K kind, K[] all) {
        return key -> {
            String owners = Arrays.stream(all)
                    .filter(k -> k != kind && k.settings().stream().anyMatch(s -> s.key().equals(key)))
                    .map(YamlNamed::yamlName)
                    .collect(Collectors.joining(", "));
            return owners.isEmpty() ? "" : " ('" + key + "' is a setting of " + kind.section() + " " + owners + ")";
        };
    }

    /** One value in the setting's normal form; YAML null is accepted for an optional setting only. */
    static Object value(Node node, Setting setting, YamlSource source) {
        String key = setting.key();
        if (setting.optional() && YamlMapping.isNull(node)) {
            return null;
        }
        return switch (setting.type()) {
            case NUMBER -> source.number(node, key, setting.range());
            case INTEGER -> (int) source.integer(node, key, setting.range(), Integer.MAX_VALUE);
            case FLAG -> source.bool(node, key);
            case TEXT -> source.text(node, key);
            case CHOICE -> {
                if (node instanceof ScalarNode scalar && setting.choices().contains(scalar.getValue())) {
                    yield scalar.getValue();
                }
                throw source.error(node, "'" + key + "' must be one of: " + String.join(", ", setting.choices())
                        + ", got " + YamlSource.describe(node));
            }
            case INTEGER_LIST -> integers(node, setting, source);
        };
    }

    private static List<Integer> integers(Node node, Setting setting, YamlSource source) {
        String expected = "'" + setting.key() + "' must be a non-empty list of integers "
                + setting.range().describe("").strip() + ", each larger than the one before";
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw source.error(node, expected + ", got " + YamlSource.describe(node));
        }
        List<Integer> out = new ArrayList<>();
        for (Node element : sequence.getValue()) {
            int next = (int) source.integer(element, setting.key(), setting.range(), Integer.MAX_VALUE);
            if (!out.isEmpty() && next <= out.get(out.size() - 1)) {
                throw source.error(element, expected + ", got " + next + " after " + out.get(out.size() - 1));
            }
            out.add(next);
        }
        return out;
    }

    /** A mapping node or an error naming what was expected. */
    static MappingNode mapping(Node node, String what, YamlSource source) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw source.error(node, "'" + what + "' must be a mapping of settings, got " + YamlSource.describe(node));
    }
}
