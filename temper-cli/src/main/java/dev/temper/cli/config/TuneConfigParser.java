package dev.temper.cli.config;

import dev.temper.tune.Categorical;
import dev.temper.tune.Configuration;
import dev.temper.tune.FloatRange;
import dev.temper.tune.Hyperparameter;
import dev.temper.tune.IntegerRange;
import dev.temper.tune.Scale;
import dev.temper.tune.SearchSpace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * Reads a {@code temper tune} file: the keys of a run file ({@link TrainConfigParser}) plus a {@code search}
 * section.
 *
 * <pre>
 * optimizer: {name: sgd}
 * search:
 *   strategy: tpe            # grid, random, tpe, gp, hyperband, asha
 *   trials: 40
 *   max_epochs: 20
 *   parameters:
 *     optimizer.learning_rate: {type: float, low: 1.0e-4, high: 0.1, log: true}
 *     optimizer.momentum: {type: float, low: 0.0, high: 0.99}
 *     width: {type: integer, low: 64, high: 1024, log: true, keys: [model.layers.1.dense, model.layers.3.dense]}
 *     optimizer.name: [adam, sgd]                       # a list: a categorical
 * </pre>
 *
 * A parameter's name is the run-file key it sets unless {@code key} or {@code keys} say otherwise; {@code when:
 * {optimizer.name: sgd}} makes it conditional on an earlier categorical. Every error names the file and line; the
 * base run and each parameter's extremes are parsed as run files before any trial runs, so a bad key fails at once.
 */
public final class TuneConfigParser {
    private static final List<String> SEARCH_KEYS = List.of("strategy", "trials", "max_epochs", "min_epochs", "eta",
            "grid_points", "folds", "pruner", "monitor", "seed", "parallel", "retrain", "parameters");
    private static final List<String> PARAMETER_KEYS = List.of("type", "low", "high", "log", "choices", "key", "keys", "when");
    private static final List<String> TYPES = List.of("float", "integer", "categorical");

    private TuneConfigParser() {}

    public static TuneConfig parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("cannot read tune file " + file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException("cannot read tune file " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString(), file.toAbsolutePath().getParent());
    }

    public static TuneConfig parse(String yamlText, String sourceName, Path baseDirectory) {
        YamlSource source = new YamlSource(sourceName);
        String text = yamlText.startsWith("\uFEFF") ? yamlText.substring(1) : yamlText;
        Node root = SafeYaml.compose(text, source);
        if (!(root instanceof MappingNode rootMapping)) {
            throw source.error(root == null ? "a tune file needs a 'search' section" : "a tune file is a mapping with a 'search' section");
        }
        MappingNode base = new MappingNode(Tag.MAP, new ArrayList<>(), rootMapping.getFlowStyle());
        MappingNode searchNode = null;
        for (NodeTuple t : rootMapping.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("search")) {
                if (!(t.getValueNode() instanceof MappingNode m)) {
                    throw source.error(t.getValueNode(), "'search' must be a mapping (strategy, parameters, ...), got "
                            + YamlSource.describe(t.getValueNode()));
                }
                searchNode = m;
            } else {
                base.getValue().add(t);
            }
        }
        if (searchNode == null) {
            throw source.error(root, "a tune file needs a 'search' section naming the parameters to search");
        }
        RunTemplate template = new RunTemplate(base, sourceName, baseDirectory);
        TrainConfig baseConfig = template.config(Map.of(), "base run");
        YamlMapping search = YamlMapping.of(source, searchNode, "in search", SEARCH_KEYS);
        StrategyKind strategy = search.choice("strategy", "strategy", List.of(StrategyKind.values()), StrategyKind.TPE);
        int trials = search.intValue("trials", Range.AT_LEAST_ONE, 30);
        int maxEpochs = search.intValue("max_epochs", Range.AT_LEAST_ONE, baseConfig.epochs());
        int minEpochs = search.intValue("min_epochs", Range.AT_LEAST_ONE, 1);
        int eta = search.intValue("eta", Range.AT_LEAST_ONE, 3);
        int gridPoints = search.intValue("grid_points", Range.AT_LEAST_ONE, 3);
        int folds = search.intValue("folds", Range.AT_LEAST_ZERO, 0);
        PrunerKind pruner = search.choice("pruner", "pruner", List.of(PrunerKind.values()), PrunerKind.NONE);
        String monitor = search.has("monitor") ? search.text("monitor") : "val_accuracy";
        long seed = search.longValue("seed", Range.ANY, baseConfig.seed());
        int parallel = search.intValue("parallel", Range.AT_LEAST_ONE, 1);
        boolean retrain = search.bool("retrain", false);
        if (eta < 2) {
            throw search.errorAtKey("eta", "'eta' must be >= 2, got " + eta);
        }
        if (minEpochs > maxEpochs) {
            throw search.errorAtKey("min_epochs", "'min_epochs' (" + minEpochs + ") must be <= max_epochs (" + maxEpochs + ")");
        }
        if (folds == 1) {
            throw search.errorAtKey("folds", "'folds' must be 0 (no cross-validation) or >= 2, got 1");
        }
        if (folds > 0 && strategy == StrategyKind.HYPERBAND || folds > 0 && strategy == StrategyKind.ASHA) {
            throw search.errorAtKey("folds", "'folds' applies to full-budget strategies (grid, random, tpe, gp), not "
                    + strategy.yamlName());
        }
        if (!search.has("parameters") || !(search.value("parameters") instanceof MappingNode parametersNode)
                || parametersNode.getValue().isEmpty()) {
            throw source.error(searchNode, "'search' needs 'parameters': a mapping of run-file keys to ranges or choices");
        }
        List<Hyperparameter> parameters = new ArrayList<>();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        Map<String, Node> anchors = new LinkedHashMap<>();
        for (NodeTuple t : parametersNode.getValue()) {
            String name = ((ScalarNode) t.getKeyNode()).getValue();
            if (keys.containsKey(name)) {
                throw source.error(t.getKeyNode(), "parameter '" + name + "' is given twice");
            }
            List<String> targets = new ArrayList<>();
            Hyperparameter p = parameter(source, name, t.getValueNode(), targets);
            for (String key : targets) {
                if (key.equals("seed") || key.equals("threads") || key.startsWith("data.") || key.equals("data")) {
                    throw source.error(t.getValueNode(), "parameter '" + name + "': key '" + key
                            + "' cannot be searched (the data, seed and threads are the study's)");
                }
                try {
                    template.checkKey(key);
                } catch (IllegalArgumentException e) {
                    throw source.error(t.getValueNode(), e.getMessage());
                }
            }
            parameters.add(p);
            keys.put(name, List.copyOf(targets));
            anchors.put(name, t.getValueNode());
        }
        SearchSpace space;
        try {
            space = SearchSpace.of(parameters);
        } catch (IllegalArgumentException e) {
            throw source.error(parametersNode, e.getMessage());
        }
        TuneConfig config = new TuneConfig(template, baseConfig, space, keys, strategy, trials, maxEpochs, minEpochs, eta,
                gridPoints, folds, pruner, monitor, seed, parallel, retrain);
        checkExtremes(config, anchors, source);
        return config;
    }

    /** Parses the run at each parameter's extremes (every choice of a categorical), the others at their middle. */
    private static void checkExtremes(TuneConfig config, Map<String, Node> anchors, YamlSource source) {
        for (Configuration c : config.space().grid(2)) {
            try {
                config.base().config(config.runValues(c), c.describe());
            } catch (ConfigException e) {
                String first = c.values().keySet().iterator().next();
                throw source.error(anchors.get(first), "the search makes an invalid run: " + e.getMessage());
            }
            if (config.space().grid(2).size() > 64) {
                break; // a large space: the first point checks the keys; the rest come up per trial
            }
        }
    }

    private static Hyperparameter parameter(YamlSource source, String name, Node value, List<String> targets) {
        if (value instanceof SequenceNode list) {
            targets.add(name);
            return new Categorical(name, choices(source, name, list), null);
        }
        if (!(value instanceof MappingNode m)) {
            throw source.error(value, "parameter '" + name + "' must be a mapping ({type: float, low: ..., high: ...}) or a"
                    + " list of choices, got " + YamlSource.describe(value));
        }
        YamlMapping p = YamlMapping.of(source, m, "in parameter '" + name + "'", PARAMETER_KEYS);
        if (p.has("key") && p.has("keys")) {
            throw p.errorAtKey("keys", "parameter '" + name + "': give 'key' or 'keys', not both");
        }
        if (p.has("key")) {
            targets.add(p.text("key"));
        } else if (p.has("keys")) {
            if (!(p.value("keys") instanceof SequenceNode ks) || ks.getValue().isEmpty()) {
                throw source.error(p.value("keys"), "parameter '" + name + "': 'keys' must be a list of run-file keys");
            }
            for (Node k : ks.getValue()) {
                targets.add(source.text(k, "keys"));
            }
        } else {
            targets.add(name);
        }
        String type = p.has("type") ? p.text("type") : p.has("choices") ? "categorical" : null;
        if (type == null || !TYPES.contains(type)) {
            throw source.error(p.has("type") ? p.value("type") : value, "parameter '" + name + "': 'type' must be one of "
                    + String.join(", ", TYPES) + ", got " + (type == null ? "nothing" : "'" + type + "'"));
        }
        Hyperparameter h;
        if (type.equals("categorical")) {
            if (!p.has("choices") || !(p.value("choices") instanceof SequenceNode list)) {
                throw source.error(value, "parameter '" + name + "': a categorical needs 'choices', a list");
            }
            for (String k : List.of("low", "high", "log")) {
                if (p.has(k)) {
                    throw p.errorAtKey(k, "parameter '" + name + "': '" + k + "' applies to float and integer ranges");
                }
            }
            h = new Categorical(name, choices(source, name, list), null);
        } else {
            if (p.has("choices")) {
                throw p.errorAtKey("choices", "parameter '" + name + "': 'choices' applies to type categorical, not " + type);
            }
            if (!p.has("low") || !p.has("high")) {
                throw source.error(value, "parameter '" + name + "': a " + type + " range needs 'low' and 'high'");
            }
            Scale scale = p.bool("log", false) ? Scale.LOG : Scale.LINEAR;
            Node at = value;
            try {
                if (type.equals("float")) {
                    h = new FloatRange(name, number(source, p.value("low"), "low"), number(source, p.value("high"), "high"), scale, null);
                } else {
                    at = p.value("low");
                    int low = (int) source.integer(p.value("low"), "low", Range.ANY, Integer.MAX_VALUE);
                    at = p.value("high");
                    int high = (int) source.integer(p.value("high"), "high", Range.ANY, Integer.MAX_VALUE);
                    h = new IntegerRange(name, low, high, scale, null);
                }
            } catch (IllegalArgumentException e) {
                throw source.error(at, e.getMessage());
            }
        }
        if (p.has("when")) {
            if (!(p.value("when") instanceof MappingNode w) || w.getValue().size() != 1) {
                throw source.error(p.value("when"), "parameter '" + name + "': 'when' must be one parent and its values,"
                        + " e.g. {optimizer.name: sgd}");
            }
            NodeTuple only = w.getValue().get(0);
            String parent = ((ScalarNode) only.getKeyNode()).getValue();
            List<Object> values = only.getValueNode() instanceof SequenceNode s ? choices(source, name, s)
                    : List.of(scalar(source, only.getValueNode()));
            h = h.when(parent, values.toArray());
        }
        return h;
    }

    /** A float bound; accepts 1e-4, which YAML 1.1 reads as text, since a bound can only be a number. */
    private static double number(YamlSource source, Node node, String key) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
            try {
                double v = Double.parseDouble(s.getValue().trim());
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // fall through to the typed reader's message
            }
        }
        return source.number(node, key, Range.ANY);
    }

    private static List<Object> choices(YamlSource source, String name, SequenceNode list) {
        if (list.getValue().isEmpty()) {
            throw source.error(list, "parameter '" + name + "': 'choices' must list at least one value");
        }
        List<Object> out = new ArrayList<>();
        for (Node n : list.getValue()) {
            out.add(scalar(source, n));
        }
        return out;
    }

    private static Object scalar(YamlSource source, Node n) {
        if (!(n instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
            throw source.error(n, "a choice must be a number, text or boolean, got " + YamlSource.describe(n));
        }
        Tag tag = s.getTag();
        if (tag.equals(Tag.INT)) {
            return source.integer(n, "choice", Range.ANY, Long.MAX_VALUE);
        }
        if (tag.equals(Tag.FLOAT)) {
            return source.number(n, "choice", Range.ANY);
        }
        if (tag.equals(Tag.BOOL)) {
            return source.bool(n, "choice");
        }
        return s.getValue();
    }
}
