package dev.temper.cli.config;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code model.layers}. Each entry is an activation by name ({@code - relu}), a dense layer
 * by units ({@code - dense: 256}), a dense layer in long form ({@code - dense: {units: 10,
 * activation: null}}), or dropout by its rate ({@code - dropout: 0.2}).
 */
final class LayerListParser {
    private static final List<String> DENSE_KEYS = List.of("units", "activation");
    private static final String DENSE_FORMS = "write '- dense: 256' or '- dense: {units: 256, activation: relu}'";

    private LayerListParser() {}

    static List<LayerSpec> parse(Node layers, YamlSource source) {
        if (!(layers instanceof SequenceNode sequence)) {
            throw source.error(layers, "'layers' must be a list of layers, got " + YamlSource.describe(layers));
        }
        if (sequence.getValue().isEmpty()) {
            throw source.error(layers, "'layers' must list at least one layer");
        }
        List<LayerSpec> result = new ArrayList<>();
        for (Node entry : sequence.getValue()) {
            result.add(layer(entry, source));
        }
        return result;
    }

    private static LayerSpec layer(Node entry, YamlSource source) {
        if (entry instanceof ScalarNode) {
            LayerKind kind = source.choice(entry, "layer", List.of(LayerKind.values()));
            if (kind == LayerKind.DENSE) {
                throw source.error(entry, "layer 'dense' needs its units; " + DENSE_FORMS);
            }
            if (kind == LayerKind.DROPOUT) {
                throw source.error(entry, "layer 'dropout' needs its rate; write '- dropout: 0.2'");
            }
            return LayerSpec.withoutSettings(kind);
        }
        if (!(entry instanceof MappingNode mapping)) {
            throw source.error(entry, "a layer is a name such as 'relu' or a mapping such as 'dense: 256', got "
                    + YamlSource.describe(entry));
        }
        if (mapping.getValue().size() != 1) {
            throw source.error(entry, "a layer entry has one key, its kind, got " + mapping.getValue().size()
                    + " keys; " + DENSE_FORMS);
        }
        NodeTuple only = mapping.getValue().get(0);
        LayerKind kind = source.choice(only.getKeyNode(), "layer", List.of(LayerKind.values()));
        Node settings = only.getValueNode();
        if (kind == LayerKind.DROPOUT) {
            return LayerSpec.dropout(source.number(settings, "dropout", Range.FRACTION));
        }
        if (kind.takesNoSettings()) {
            throw source.error(only.getKeyNode(), "layer '" + kind.yamlName() + "' takes no settings; write '- "
                    + kind.yamlName() + "'");
        }
        if (settings instanceof MappingNode longForm) {
            return denseLongForm(YamlMapping.of(source, longForm, "in layer 'dense'", DENSE_KEYS), source);
        }
        if (settings instanceof ScalarNode && !YamlMapping.isNull(settings)) {
            return LayerSpec.dense((int) source.integer(settings, "dense", Range.AT_LEAST_ONE, Integer.MAX_VALUE));
        }
        throw source.error(settings, "'dense' must be its units (an integer >= 1) or a mapping {units, activation}, got "
                + YamlSource.describe(settings));
    }

    private static LayerSpec denseLongForm(YamlMapping dense, YamlSource source) {
        if (!dense.has("units")) {
            throw source.error(dense.node(), "layer 'dense' needs 'units'; " + DENSE_FORMS);
        }
        int units = (int) source.integer(dense.value("units"), "units", Range.AT_LEAST_ONE, Integer.MAX_VALUE);
        LayerKind activation = dense.has("activation")
                ? source.choiceOrNull(dense.value("activation"), "activation", LayerKind.activations())
                : null;
        return LayerSpec.dense(units, activation);
    }
}
