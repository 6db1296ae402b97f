package dev.temper.cli.config;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the sections whose keys depend on a kind: {@code optimizer} (and its {@code schedule}), {@code callbacks}
 * and {@code augmentation}. A kind accepts its own keys only; an unknown key's message lists them, and says which
 * other kind has it.
 */
final class SectionParsers {
    private static final List<String> NAME = List.of("name");

    private SectionParsers() {}

    /** The optimizer section (null node: absent), falling back to {@code defaults}' kind. */
    static OptimizerConfig optimizer(Node node, YamlSource source, OptimizerConfig defaults) {
        if (node == null || YamlMapping.isNull(node)) {
            return defaults;
        }
        MappingNode raw = SettingsReader.mapping(node, "optimizer", source);
        Node nameNode = YamlMapping.peek(raw, "name");
        OptimizerKind kind = nameNode == null ? defaults.name()
                : source.choice(nameNode, "optimizer", List.of(OptimizerKind.values()));
        YamlMapping optimizer = YamlMapping.of(source, raw, "in " + kind.describe(),
                SettingsReader.keys(kind, NAME, List.of("schedule")),
                SettingsReader.ownersHint(kind, OptimizerKind.values()));
        Settings settings = SettingsReader.read(optimizer, kind, source);
        ScheduleConfig schedule = optimizer.has("schedule") ? schedule(optimizer.value("schedule"), source) : null;
        return source.build(node, () -> new OptimizerConfig(kind, settings, schedule));
    }

    private static ScheduleConfig schedule(Node node, YamlSource source) {
        if (YamlMapping.isNull(node)) {
            return null;
        }
        MappingNode raw = SettingsReader.mapping(node, "schedule", source);
        Node nameNode = YamlMapping.peek(raw, "name");
        if (nameNode == null) {
            throw source.error(node, "schedule needs 'name', one of: " + String.join(", ", names(ScheduleKind.values())));
        }
        ScheduleKind kind = source.choice(nameNode, "schedule", List.of(ScheduleKind.values()));
        YamlMapping schedule = YamlMapping.of(source, raw, "in " + kind.describe(),
                SettingsReader.keys(kind, NAME, List.of()), SettingsReader.ownersHint(kind, ScheduleKind.values()));
        Settings settings = SettingsReader.read(schedule, kind, source);
        return source.build(node, () -> new ScheduleConfig(kind, settings));
    }

    /**
     * {@code callbacks:}, a mapping from callback name to its settings; {@code early_stopping:} with nothing (or
     * {@code true}, or {@code {}}) switches it on with its defaults, {@code false} leaves it off.
     */
    static List<CallbackConfig> callbacks(Node node, YamlSource source) {
        List<CallbackConfig> out = new ArrayList<>();
        if (node == null || YamlMapping.isNull(node)) {
            return out;
        }
        MappingNode raw = SettingsReader.mapping(node, "callbacks", source);
        YamlMapping callbacks = YamlMapping.of(source, raw, "in callbacks", names(CallbackKind.values()));
        for (CallbackKind kind : CallbackKind.values()) {
            if (!callbacks.has(kind.yamlName())) {
                continue;
            }
            Node value = callbacks.value(kind.yamlName());
            if (value.getTag().equals(Tag.BOOL)) {
                if (!source.bool(value, kind.yamlName())) {
                    continue;
                }
                out.add(source.build(value, () -> CallbackConfig.of(kind)));
            } else {
                Settings settings = settingsOf(value, kind, CallbackKind.values(), source);
                out.add(source.build(value, () -> new CallbackConfig(kind, settings)));
            }
        }
        return out;
    }

    /**
     * {@code augmentation:}, a mapping from augmentation name to its settings, or to its main setting alone
     * ({@code random_translation: 2}).
     */
    static List<AugmentationConfig> augmentation(Node node, YamlSource source) {
        List<AugmentationConfig> out = new ArrayList<>();
        if (node == null || YamlMapping.isNull(node)) {
            return out;
        }
        MappingNode raw = SettingsReader.mapping(node, "augmentation", source);
        YamlMapping augmentation = YamlMapping.of(source, raw, "in augmentation", names(AugmentationKind.values()));
        for (AugmentationKind kind : AugmentationKind.values()) {
            if (!augmentation.has(kind.yamlName())) {
                continue;
            }
            Node value = augmentation.value(kind.yamlName());
            Settings settings;
            if (value instanceof ScalarNode && !YamlMapping.isNull(value)) {
                Setting main = kind.settings().get(0);
                settings = Settings.none().with(main.key(), SettingsReader.value(value, main, source));
            } else {
                settings = settingsOf(value, kind, AugmentationKind.values(), source);
            }
            out.add(source.build(value, () -> new AugmentationConfig(kind, settings)));
        }
        return out;
    }

    /** The settings of a kind written as a mapping; YAML null means every default. */
    private static <K extends Enum<K> & ConfigKind> Settings settingsOf(Node value, K kind, K[] all, YamlSource source) {
        if (YamlMapping.isNull(value)) {
            return Settings.none();
        }
        MappingNode raw = SettingsReader.mapping(value, kind.yamlName(), source);
        YamlMapping mapping = YamlMapping.of(source, raw, "in " + kind.describe(),
                SettingsReader.keys(kind, List.of(), List.of()), SettingsReader.ownersHint(kind, all));
        return SettingsReader.read(mapping, kind, source);
    }

    private static List<String> names(YamlNamed[] kinds) {
        List<String> out = new ArrayList<>();
        for (YamlNamed kind : kinds) {
            out.add(kind.yamlName());
        }
        return out;
    }
}
