package dev.temper.cli.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What a trained model expects of its input and means by its output, stored beside its weights so that
 * {@code temper evaluate} and {@code temper predict} prepare new data exactly as training did.
 *
 * @param inputs features per example
 * @param task {@code classification}, {@code binary} (one logit) or {@code regression}
 * @param imageShape {@code [channels, height, width]} for image data; empty for table rows
 * @param label the CSV label column; null for image data
 * @param features the CSV feature columns, in the model's order; empty for image data
 * @param classes class names of a CSV label column of names, index by index; empty when classes are numbers
 * @param mean per-feature means the features are standardized with; empty when they are not
 * @param std per-feature standard deviations, as {@code mean}
 */
public record Preprocessing(int inputs, String task, List<Integer> imageShape, String label, List<String> features,
                            List<String> classes, List<Double> mean, List<Double> std) {
    private static final List<String> TASKS = List.of("classification", "binary", "regression");
    private static final List<String> KEYS =
            List.of("inputs", "task", "image_shape", "label", "features", "classes", "mean", "std");

    public Preprocessing {
        Range.AT_LEAST_ONE.check("inputs", inputs);
        if (!TASKS.contains(task)) {
            throw new IllegalArgumentException("task must be one of " + TASKS + ", got " + task);
        }
        imageShape = List.copyOf(imageShape);
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        if (!imageShape.isEmpty() && (imageShape.size() != 3
                || imageShape.get(0) * imageShape.get(1) * imageShape.get(2) != inputs)) {
            throw new IllegalArgumentException("image_shape must be [channels, height, width] holding " + inputs
                    + " values, got " + imageShape);
        }
        if (!features.isEmpty() && features.size() != inputs) {
            throw new IllegalArgumentException("features must name " + inputs + " columns, got " + features);
        }
        if (mean.size() != std.size() || !mean.isEmpty() && mean.size() != inputs) {
            throw new IllegalArgumentException("mean and std must hold " + inputs + " values each, got "
                    + mean.size() + " and " + std.size());
        }
    }

    /** Images of {@code shape} (pixels scaled to [0, 1]); classes are the label values 0, 1, ... */
    public static Preprocessing images(int channels, int height, int width, String task) {
        return new Preprocessing(channels * height * width, task, List.of(channels, height, width), null, List.of(),
                List.of(), List.of(), List.of());
    }

    public boolean standardized() {
        return !mean.isEmpty();
    }

    public String toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("inputs", inputs);
        out.put("task", task);
        out.put("image_shape", imageShape);
        out.put("label", label);
        out.put("features", features);
        out.put("classes", classes);
        out.put("mean", mean);
        out.put("std", std);
        return Json.object(out);
    }

    /** Reads {@link #toJson()} text; an error names {@code sourceName} and the line. */
    public static Preprocessing parse(String json, String sourceName) {
        YamlSource source = new YamlSource(sourceName);
        Node root = SafeYaml.compose(json, source);
        if (!(root instanceof MappingNode mapping)) {
            throw source.error("preprocessing must be a JSON object");
        }
        YamlMapping m = YamlMapping.of(source, mapping, "in preprocessing", KEYS);
        for (String key : KEYS) {
            if (!m.has(key)) {
                throw source.error(m.node(), "preprocessing lacks '" + key + "'");
            }
        }
        int inputs = m.intValue("inputs", Range.AT_LEAST_ONE, 0);
        String task = m.text("task");
        List<Integer> shape = list(m.value("image_shape"), "image_shape", source,
                n -> (int) source.integer(n, "image_shape", Range.AT_LEAST_ONE, Integer.MAX_VALUE));
        String label = YamlMapping.isNull(m.value("label")) ? null : m.text("label");
        List<String> features = list(m.value("features"), "features", source, n -> source.text(n, "features"));
        List<String> classes = list(m.value("classes"), "classes", source, n -> source.text(n, "classes"));
        List<Double> mean = list(m.value("mean"), "mean", source, n -> source.number(n, "mean", Range.ANY));
        List<Double> std = list(m.value("std"), "std", source, n -> source.number(n, "std", Range.AT_LEAST_ZERO));
        return source.build(m.node(), () -> new Preprocessing(inputs, task, shape, label, features, classes, mean, std));
    }

    private static <T> List<T> list(Node node, String key, YamlSource source, Function<Node, T> element) {
        if (!(node instanceof SequenceNode sequence)) {
            throw source.error(node, "'" + key + "' must be a list, got " + YamlSource.describe(node));
        }
        List<T> out = new ArrayList<>();
        for (Node n : sequence.getValue()) {
            out.add(element.apply(n));
        }
        return out;
    }
}
