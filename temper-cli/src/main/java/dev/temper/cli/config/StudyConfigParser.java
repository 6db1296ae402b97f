package dev.temper.cli.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a {@code temper study} file: a run file (the base run, every key of {@code temper train}) plus a
 * {@code study:} section with {@code seeds} (a count, for seeds 1..n, or a list), {@code best_epoch_by} (a history
 * column, {@code val_loss} by default) and {@code regimes}, a mapping from each regime's name to the run-file keys
 * it changes. A regime's keys are merged into the base run's: mappings key by key, any other value replacing the
 * base's; the result is read as a run file, so a regime obeys every rule of one and its mistakes are named with
 * their line. Regimes share the base run's data, loss and threads, and are seeded by the study: {@code data},
 * {@code loss}, {@code threads} and {@code seed} are refused in a regime (every regime is judged on the same
 * examples by the same loss).
 */
public final class StudyConfigParser {
    /** The study with no file: {@code examples/study-mnist.yaml}, carried inside the jar. */
    public static final String DEFAULT_RESOURCE = "/dev/temper/cli/config/study-mnist.yaml";
    private static final List<String> STUDY_KEYS = List.of("seeds", "best_epoch_by", "regimes");
    private static final List<String> SHARED_KEYS = List.of("seed", "threads", "data", "loss");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    /** The history columns of a study run (dev.temper.study.EpochFigures.HEADER, which this package cannot see). */
    private static final List<String> COLUMNS = List.of("train_loss", "train_penalty", "train_accuracy",
            "train_eval_loss", "train_eval_accuracy", "val_loss", "val_accuracy", "test_loss", "test_accuracy");

    private StudyConfigParser() {}

    /** The default study: 9 regimes on the embedded MNIST subset. */
    public static StudyConfig defaults() {
        try (InputStream in = StudyConfigParser.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default study " + DEFAULT_RESOURCE + " is missing from the jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse(text, "the default study (examples/study-mnist.yaml)", Path.of("").toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the default study " + DEFAULT_RESOURCE, e);
        }
    }

    public static StudyConfig parse(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new ConfigException("cannot read study " + name + ": it is a directory");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), name, file.toAbsolutePath().getParent());
        } catch (NoSuchFileException e) {
            throw new ConfigException("cannot read study " + name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ConfigException("cannot read study " + name + ": permission denied");
        } catch (MalformedInputException e) {
            throw new ConfigException("cannot read study " + name + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException("cannot read study " + name + ": " + e);
        }
    }

    public static StudyConfig parse(String yamlText, String sourceName, Path baseDirectory) {
        YamlSource source = new YamlSource(sourceName);
        String text = yamlText.startsWith("\uFEFF") ? yamlText.substring(1) : yamlText;
        Node root = SafeYaml.compose(text, source);
        if (!(root instanceof MappingNode rootMapping)) {
            throw source.error("a study file is a run file with a 'study:' section (seeds, regimes), got "
                    + (root == null ? "an empty file" : YamlSource.describe(root)));
        }
        Node studyNode = YamlMapping.peek(rootMapping, "study");
        if (!(studyNode instanceof MappingNode studyMapping)) {
            throw studyNode == null
                    ? source.error(root, "a study file needs a 'study:' section with its regimes")
                    : source.error(studyNode, "'study' must be a mapping (seeds, best_epoch_by, regimes), got "
                            + YamlSource.describe(studyNode));
        }
        List<NodeTuple> baseTuples = new ArrayList<>();
        for (NodeTuple t : rootMapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("study"))) {
                baseTuples.add(t);
            }
        }
        MappingNode baseNode = new MappingNode(Tag.MAP, baseTuples, rootMapping.getFlowStyle());
        TrainConfig base = TrainConfigParser.parse(baseNode, source, baseDirectory);
        YamlMapping study = YamlMapping.of(source, studyMapping, "in study", STUDY_KEYS);
        List<Long> seeds = seeds(study, source);
        String bestBy = study.has("best_epoch_by") ? study.text("best_epoch_by") : "val_loss";
        if (!COLUMNS.contains(bestBy)) {
            throw study.errorAtKey("best_epoch_by", "best_epoch_by '" + YamlSource.shorten(bestBy)
                    + "' is not a history column; expected one of: " + String.join(", ", COLUMNS));
        }
        if (!study.has("regimes") || !(study.value("regimes") instanceof MappingNode regimesNode)
                || regimesNode.getValue().isEmpty()) {
            Node at = study.has("regimes") ? study.value("regimes") : studyMapping;
            throw source.error(at, "'regimes' must map each regime's name to the run-file keys it changes "
                    + "(baseline: {}, l2: {regularization: {l2: 0.001}}, ...)");
        }
        List<StudyConfig.RegimeConfig> regimes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (NodeTuple t : regimesNode.getValue()) {
            regimes.add(regime(t, names, baseNode, source, baseDirectory));
        }
        String description = YamlFlow.of(baseNode) + "; data: " + base.data();
        return source.build(studyMapping, () ->
                new StudyConfig(source.name(), text, base, description, regimes, seeds, bestBy));
    }

    private static StudyConfig.RegimeConfig regime(NodeTuple t, Set<String> names, MappingNode baseNode,
                                                   YamlSource source, Path baseDirectory) {
        if (!(t.getKeyNode() instanceof ScalarNode keyNode) || !NAME.matcher(keyNode.getValue()).matches()) {
            throw source.error(t.getKeyNode(), "a regime's name must be 1-64 lower-case letters, digits, '_' or '-' "
                    + "(it names the run directory), got " + YamlSource.describe(t.getKeyNode()));
        }
        String name = keyNode.getValue();
        if (!names.add(name)) {
            throw source.error(keyNode, "regime '" + name + "' is given twice");
        }
        Node change = t.getValueNode();
        if (YamlMapping.isNull(change)) {
            change = new MappingNode(Tag.MAP, List.of(), org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW);
        }
        if (!(change instanceof MappingNode changeMapping)) {
            throw source.error(change, "regime '" + name + "' must be a mapping of the run-file keys it changes "
                    + "(or {} for the base run), got " + YamlSource.describe(change));
        }
        for (NodeTuple c : changeMapping.getValue()) {
            if (c.getKeyNode() instanceof ScalarNode k && SHARED_KEYS.contains(k.getValue())) {
                throw source.error(k, "regime '" + name + "' cannot change '" + k.getValue() + "': every regime "
                        + (k.getValue().equals("seed") ? "is seeded by study.seeds and shares the base run's data split"
                        : "shares the base run's " + k.getValue() + ", so that all are compared alike"));
            }
        }
        TrainConfig config;
        try {
            config = TrainConfigParser.parse(YamlFlow.merge(baseNode, changeMapping), source, baseDirectory);
        } catch (ConfigException e) {
            throw new ConfigException(e.getMessage() + " (in regime '" + name + "')");
        }
        String text = changeMapping.getValue().isEmpty() ? "the base run, unchanged" : YamlFlow.of(changeMapping);
        return new StudyConfig.RegimeConfig(name, text, config);
    }

    private static List<Long> seeds(YamlMapping study, YamlSource source) {
        if (!study.has("seeds")) {
            return List.of(1L, 2L, 3L);
        }
        Node node = study.value("seeds");
        List<Long> out = new ArrayList<>();
        if (node instanceof SequenceNode list) {
            for (Node item : list.getValue()) {
                long seed = source.integer(item, "seeds", Range.ANY, Long.MAX_VALUE);
                if (out.contains(seed)) {
                    throw source.error(item, "seed " + seed + " is listed twice in 'seeds'");
                }
                out.add(seed);
            }
            if (out.isEmpty()) {
                throw source.error(node, "'seeds' must list at least one seed");
            }
            return out;
        }
        long n = source.integer(node, "seeds", Range.AT_LEAST_ONE, 1000);
        for (long k = 1; k <= n; k++) {
            out.add(k);
        }
        return out;
    }
}
