package dev.temper.cli.config;

import static dev.temper.cli.config.ConfigErrors.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainConfigParserTest {
    private static final String FULL = """
            seed: 7
            threads: 4
            epochs: 3
            batch_size: 64
            data:
              dataset: idx
              train_images: mnist/train-images-idx3-ubyte
              train_labels: mnist/train-labels-idx1-ubyte
              test_images: /abs/t10k-images-idx3-ubyte
              test_labels: ../shared/t10k-labels-idx1-ubyte
              validation_split: 0.2
            model:
              layers:
                - dense: 128
                - tanh
                - dense: {units: 64, activation: sigmoid}
                - dense:
                    units: 10
                    activation: null
            loss: mse
            optimizer:
              name: sgd
              learning_rate: 0.05
              momentum: 0.9
              nesterov: true
            """;

    @Test
    void emptyTextIsTheDefaultRun() {
        assertEquals(TrainConfig.defaults(), parse(""));
        assertEquals(TrainConfig.defaults(), parse("# only a comment\n\n"));
        assertEquals(TrainConfig.defaults(), parse("---\n"));
    }

    @Test
    void fullExampleParsesToTheExpectedRecords() {
        TrainConfig config = parse(FULL);
        assertEquals(7, config.seed());
        assertEquals(4, config.threads());
        assertEquals(3, config.epochs());
        assertEquals(64, config.batchSize());
        assertEquals(
                new DataConfig(
                        DatasetKind.IDX,
                        Path.of("/runs/mnist/train-images-idx3-ubyte"),
                        Path.of("/runs/mnist/train-labels-idx1-ubyte"),
                        Path.of("/abs/t10k-images-idx3-ubyte"),
                        Path.of("/shared/t10k-labels-idx1-ubyte"),
                        0.2),
                config.data());
        assertEquals(
                List.of(
                        LayerSpec.dense(128),
                        LayerSpec.activation(LayerKind.TANH),
                        LayerSpec.dense(64, LayerKind.SIGMOID),
                        LayerSpec.dense(10)),
                config.layers());
        assertEquals(LossKind.MSE, config.loss());
        assertEquals(OptimizerConfig.sgd().with("learning_rate", 0.05).with("momentum", 0.9).with("nesterov", true),
                config.optimizer());
    }

    @Test
    void absentKeysKeepTheirDefaults() {
        TrainConfig config = parse("epochs: 2\ndata: {validation_split: 0}\n");
        assertEquals(TrainConfig.defaults().seed(), config.seed());
        assertEquals(2, config.epochs());
        assertEquals(0.0, config.data().validationSplit());
        assertEquals(TrainConfig.defaults().layers(), config.layers());
        assertEquals(TrainConfig.defaults().optimizer(), config.optimizer());
    }

    @Test
    void emptySectionsTakeTheirDefaults() {
        assertEquals(TrainConfig.defaults(), parse("data:\nmodel:\noptimizer:\n"));
    }

    @Test
    void shorthandAndLongDenseFormsMeanTheSame() {
        String shorthand = "model:\n  layers:\n    - dense: 32\n    - dense: 10\n";
        String longForm = "model:\n  layers:\n    - dense: {units: 32}\n    - dense: {units: 10, activation: ~}\n";
        assertEquals(parse(shorthand), parse(longForm));
        assertEquals(List.of(LayerSpec.dense(32), LayerSpec.dense(10)), parse(shorthand).layers());
    }

    @Test
    void everyActivationNameIsALayer() {
        TrainConfig config = parse("""
                loss: mse
                model:
                  layers: [dense: 8, relu, sigmoid, tanh, softmax, {dense: {units: 2, activation: softmax}}]
                """);
        assertEquals(
                List.of(
                        LayerSpec.dense(8),
                        LayerSpec.activation(LayerKind.RELU),
                        LayerSpec.activation(LayerKind.SIGMOID),
                        LayerSpec.activation(LayerKind.TANH),
                        LayerSpec.activation(LayerKind.SOFTMAX),
                        LayerSpec.dense(2, LayerKind.SOFTMAX)),
                config.layers());
    }

    @Test
    void relativePathsResolveAgainstTheYamlFilesDirectory(@TempDir Path directory) throws IOException {
        Path runs = Files.createDirectories(directory.resolve("runs"));
        Path file = Files.writeString(runs.resolve("idx.yaml"), """
                data:
                  dataset: idx
                  train_images: data/train-images
                  train_labels: ./data/train-labels
                  test_images: ../test-images
                  test_labels: /elsewhere/test-labels
                """);
        DataConfig data = TrainConfigParser.parse(file).data();
        assertEquals(runs.resolve("data/train-images"), data.trainImages());
        assertEquals(runs.resolve("data/train-labels"), data.trainLabels());
        assertEquals(directory.resolve("test-images"), data.testImages());
        assertEquals(Path.of("/elsewhere/test-labels"), data.testLabels());
    }

    @Test
    void aFileGivenByARelativeNameResolvesAgainstItsOwnDirectory(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("run.yaml"), "data: {dataset: idx, train_images: a,"
                + " train_labels: b, test_images: c, test_labels: d}\n");
        Path relative = Path.of("").toAbsolutePath().relativize(file);
        assertEquals(directory.resolve("a"), TrainConfigParser.parse(relative).data().trainImages());
    }

    @Test
    void csvSettingsResolveAndDefault() {
        TrainConfig c = parse("data:\n  dataset: csv\n  train: tables/t.csv\n  label: price\n");
        assertEquals(new CsvConfig(Path.of("/runs/tables/t.csv"), null, "price", CsvConfig.DEFAULT_TEST_SPLIT, true), c.data().csv());
        c = parse("data: {dataset: csv, train: t.csv, test: u.csv, label: y, standardize: false, validation_split: 0}\n");
        assertEquals(new CsvConfig(Path.of("/runs/t.csv"), Path.of("/runs/u.csv"), "y", 0, false), c.data().csv());
        assertEquals(0.0, c.data().validationSplit());
    }

    @Test
    void integersAreAcceptedWhereNumbersAreExpected() {
        OptimizerConfig optimizer = parse("optimizer: {learning_rate: 1, beta1: 0}\n").optimizer();
        assertEquals(1.0, optimizer.learningRate());
        assertEquals(0.0, optimizer.settings().number("beta1"));
    }

    @Test
    void yaml11NumberFormsAreRead() {
        // SnakeYAML's own scalar rules: exponent without a dot, underscores, hex.
        TrainConfig config = parse("seed: 0x10\nbatch_size: 1_024\noptimizer: {epsilon: 1e-7}\n");
        assertEquals(16, config.seed());
        assertEquals(1024, config.batchSize());
        assertEquals(1e-7, config.optimizer().settings().number("epsilon"));
    }

    @Test
    void seedTakesAnyLong() {
        assertEquals(-9_000_000_000L, parse("seed: -9000000000\n").seed());
    }

    @Test
    void sgdWithoutALearningRateGetsSgdsDefault() {
        assertEquals(OptimizerConfig.sgd(), parse("optimizer: {name: sgd}\n").optimizer());
    }

    @Test
    void adamSettingsOverrideOneByOne() {
        OptimizerConfig adam = parse("optimizer:\n  beta2: 0.99\n").optimizer();
        assertEquals(OptimizerConfig.adam().with("beta2", 0.99), adam);
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        assertEquals(5, parse("\uFEFFepochs: 5\n").epochs());
    }
}
