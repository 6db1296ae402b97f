package dev.temper.cli.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a {@code temper train} run file into a {@link TrainConfig}.
 *
 * <p>Every key is optional and takes its value from {@link TrainConfig#defaults()} (the optimizer's
 * from the library's recipe for that optimizer); an empty file is the default run. Anything else that is
 * not understood (an unknown or repeated key, a value of the wrong type or out of range, a setting
 * for another optimizer, a Java tag) is a {@link ConfigException} naming the file and line, never
 * a silent default. YAML is only composed into nodes, never constructed into objects.
 */
public final class TrainConfigParser {
    private static final List<String> TOP_KEYS =
            List.of("seed", "threads", "epochs", "batch_size", "data", "model", "loss", "optimizer", "regularization",
                    "callbacks", "augmentation", "cross_validation");
    private static final List<String> REGULARIZATION_KEYS = List.of("l1", "l2", "proximal_l1");
    private static final List<String> IDX_PATH_KEYS =
            List.of("train_images", "train_labels", "test_images", "test_labels");
    private static final List<String> DATA_KEYS = List.of(
            "dataset", "train_images", "train_labels", "test_images", "test_labels", "validation_split",
            "train", "test", "label", "test_split", "standardize", "train_examples");
    private static final List<String> CSV_KEYS = List.of("train", "test", "label", "test_split", "standardize");
    private static final List<String> CROSS_VALIDATION_KEYS = List.of("folds", "stratified");
    private static final List<String> MODEL_KEYS = List.of("layers");
    private TrainConfigParser() {}

    /** Reads {@code file}; relative data paths in it resolve against the file's directory. */
    public static TrainConfig parse(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new ConfigException("cannot read config " + name + ": it is a directory");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("cannot read config " + name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ConfigException("cannot read config " + name + ": permission denied");
        } catch (MalformedInputException e) {
            throw new ConfigException("cannot read config " + name + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException("cannot read config " + name + ": " + e);
        }
        return parse(text, name, file.toAbsolutePath().getParent());
    }

    /**
     * Reads run-file text.
     *
     * @param sourceName how messages name the text, usually the file's path
     * @param baseDirectory what relative data paths resolve against
     */
    public static TrainConfig parse(String yamlText, String sourceName, Path baseDirectory) {
        Objects.requireNonNull(yamlText, "yamlText must not be null");
        Objects.requireNonNull(sourceName, "sourceName must not be null");
        Objects.requireNonNull(baseDirectory, "baseDirectory must not be null");
        YamlSource source = new YamlSource(sourceName);
        // A byte-order mark from a Windows editor is not content.
        String text = yamlText.startsWith("\uFEFF") ? yamlText.substring(1) : yamlText;
        return parse(SafeYaml.compose(text, source), source, baseDirectory);
    }

    /** Reads a composed run file (or a study's base run with a regime's changes merged in). */
    static TrainConfig parse(Node root, YamlSource source, Path baseDirectory) {
        TrainConfig defaults = TrainConfig.defaults();
        if (root == null || YamlMapping.isNull(root)) {
            return defaults;
        }
        if (!(root instanceof MappingNode rootMapping)) {
            throw source.error(root, "a run file is a mapping of settings (seed: 42, epochs: 10, ...), got "
                    + YamlSource.describe(root));
        }
        YamlMapping top = YamlMapping.of(source, rootMapping, "at top level", TOP_KEYS);
        long seed = top.longValue("seed", Range.ANY, defaults.seed());
        int threads = top.intValue("threads", Range.AT_LEAST_ZERO, defaults.threads());
        int epochs = top.intValue("epochs", Range.AT_LEAST_ONE, defaults.epochs());
        int batchSize = top.intValue("batch_size", Range.AT_LEAST_ONE, defaults.batchSize());
        CrossValidationConfig crossValidation = crossValidation(top, source);
        // under cross-validation every fold is validated in turn, so no validation split is held out by default
        double defaultSplit = crossValidation == null ? defaults.data().validationSplit() : 0;
        DataConfig data = data(top.section("data", "in data", DATA_KEYS), source, baseDirectory, defaultSplit);
        YamlMapping model = top.section("model", "in model", MODEL_KEYS);
        List<LayerSpec> layers =
                model.has("layers") ? LayerListParser.parse(model.value("layers"), source) : defaults.layers();
        LossKind loss = top.choice("loss", "loss", List.of(LossKind.values()), defaults.loss());
        OptimizerConfig optimizer = SectionParsers.optimizer(top.valueOrNull("optimizer"), source, defaults.optimizer());
        YamlMapping penalties = top.section("regularization", "in regularization", REGULARIZATION_KEYS);
        double l1 = penalties.number("l1", Range.AT_LEAST_ZERO, defaults.regularization().l1());
        double l2 = penalties.number("l2", Range.AT_LEAST_ZERO, defaults.regularization().l2());
        double proximalL1 = penalties.number("proximal_l1", Range.AT_LEAST_ZERO, defaults.regularization().proximalL1());
        RegularizationConfig regularization =
                source.build(penalties.node(), () -> new RegularizationConfig(l1, l2, proximalL1));
        List<CallbackConfig> callbacks = SectionParsers.callbacks(top.valueOrNull("callbacks"), source);
        List<AugmentationConfig> augmentation = SectionParsers.augmentation(top.valueOrNull("augmentation"), source);
        Node anchor = model.has("layers") ? model.value("layers") : root;
        return source.build(anchor, () -> new TrainConfig(seed, threads, epochs, batchSize, data, layers, loss,
                optimizer, regularization, callbacks, augmentation, crossValidation));
    }

    /** {@code cross_validation:} with nothing after it is 5 stratified folds; absent is one run. */
    private static CrossValidationConfig crossValidation(YamlMapping top, YamlSource source) {
        if (!top.has("cross_validation")) {
            return null;
        }
        YamlMapping cv = top.section("cross_validation", "in cross_validation", CROSS_VALIDATION_KEYS);
        int folds = cv.intValue("folds", Range.AT_LEAST_ONE, CrossValidationConfig.DEFAULT_FOLDS);
        boolean stratified = cv.bool("stratified", CrossValidationConfig.DEFAULT_STRATIFIED);
        Node at = cv.has("folds") ? cv.value("folds") : cv.node();
        return source.build(at, () -> new CrossValidationConfig(folds, stratified));
    }

    private static DataConfig data(YamlMapping data, YamlSource source, Path baseDirectory, double defaultSplit) {
        DatasetKind dataset = data.choice("dataset", "dataset", List.of(DatasetKind.values()),
                DataConfig.defaults().dataset());
        for (String key : IDX_PATH_KEYS) {
            if (dataset == DatasetKind.IDX && !data.has(key)) {
                Node at = data.has("dataset") ? data.value("dataset") : data.node();
                throw source.error(at, "dataset 'idx' needs '" + key + "' (the path of an IDX file)");
            }
            if (dataset != DatasetKind.IDX && data.has(key)) {
                throw data.errorAtKey(key, "'" + key + "' applies to dataset idx, not " + dataset.yamlName());
            }
        }
        Path trainImages = data.path("train_images", baseDirectory);
        Path trainLabels = data.path("train_labels", baseDirectory);
        Path testImages = data.path("test_images", baseDirectory);
        Path testLabels = data.path("test_labels", baseDirectory);
        double split = data.number("validation_split", Range.FRACTION, defaultSplit);
        CsvConfig csv = csv(data, source, baseDirectory, dataset);
        int trainExamples = data.intValue("train_examples", Range.AT_LEAST_ZERO, DataConfig.defaults().trainExamples());
        return source.build(data.node(), () ->
                new DataConfig(dataset, trainImages, trainLabels, testImages, testLabels, split, csv, trainExamples));
    }

    private static CsvConfig csv(YamlMapping data, YamlSource source, Path baseDirectory, DatasetKind dataset) {
        if (dataset != DatasetKind.CSV) {
            for (String key : CSV_KEYS) {
                if (data.has(key)) {
                    throw data.errorAtKey(key, "'" + key + "' applies to dataset csv, not " + dataset.yamlName());
                }
            }
            return null;
        }
        for (String key : List.of("train", "label")) {
            if (!data.has(key)) {
                Node at = data.has("dataset") ? data.value("dataset") : data.node();
                throw source.error(at, "dataset 'csv' needs '" + key + "' ("
                        + (key.equals("train") ? "the path of a CSV file" : "the name of the label column") + ")");
            }
        }
        Path test = data.path("test", baseDirectory);
        if (test != null && data.has("test_split")) {
            throw data.errorAtKey("test_split", "'test_split' applies only when there is no 'test' file");
        }
        double testSplit = test != null ? 0 : data.number("test_split", Range.FRACTION, CsvConfig.DEFAULT_TEST_SPLIT);
        Path train = data.path("train", baseDirectory);
        String label = data.text("label");
        boolean standardize = data.bool("standardize", true);
        return source.build(data.node(), () -> new CsvConfig(train, test, label, testSplit, standardize));
    }
}
