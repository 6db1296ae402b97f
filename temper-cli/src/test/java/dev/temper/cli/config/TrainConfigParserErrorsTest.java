package dev.temper.cli.config;

import static dev.temper.cli.config.ConfigErrors.assertError;
import static dev.temper.cli.config.ConfigErrors.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad run file gives one line naming the file, the line and the key. */
class TrainConfigParserErrorsTest {

    @Test
    void unknownKeyListsTheKeysThatAreKnown() {
        assertMessage("optimizer:\n  name: adam\n  lerning_rate: 0.1\n", 3,
                "unknown key 'lerning_rate' in optimizer adam; expected one of: "
                        + "name, learning_rate, beta1, beta2, epsilon, amsgrad, weight_decay, clip_norm, clip_value, schedule");
        assertError("seed: 1\nepoch: 3\n", 2, "unknown key 'epoch' at top level", "epochs", "batch_size");
        assertError("data:\n  datset: idx\n", 2, "unknown key 'datset' in data");
        assertError("model:\n  layer: []\n", 2, "unknown key 'layer' in model");
        assertError("model:\n  layers:\n    - dense: {units: 3, activaton: relu}\n", 3,
                "unknown key 'activaton' in layer 'dense'");
    }

    @Test
    void wrongTypeNamesTheKeyTheExpectationAndTheValue() {
        assertMessage("epochs: ten\n", 1, "'epochs' must be an integer >= 1, got \"ten\"");
        assertMessage("\n\nbatch_size: \"64\"\n", 3, "'batch_size' must be an integer >= 1, got \"64\"");
        assertMessage("optimizer:\n  learning_rate: fast\n", 2, "'learning_rate' must be a number > 0, got \"fast\"");
        assertMessage("optimizer: {name: sgd, nesterov: maybe}\n", 1, "'nesterov' must be true or false, got \"maybe\"");
        assertMessage("threads: [1, 2]\n", 1, "'threads' must be an integer >= 0, got a list");
        assertMessage("data: mnist10k\n", 1, "'data' must be a mapping of settings, got \"mnist10k\"");
        assertMessage("seed:\n", 1, "'seed' must be an integer, got null");
    }

    @Test
    void floatsAreRefusedWhereIntegersAreExpected() {
        assertMessage("epochs: 2.5\n", 1, "'epochs' must be an integer >= 1, got 2.5");
        assertMessage("epochs: 2.0\n", 1, "'epochs' must be an integer >= 1, got 2.0");
        assertMessage("model:\n  layers:\n    - dense: 1e2\n", 3, "'dense' must be an integer >= 1, got 1e2");
    }

    @Test
    void outOfRangeValuesNameTheRange() {
        assertMessage("epochs: 0\n", 1, "'epochs' must be an integer >= 1, got 0");
        assertMessage("threads: -2\n", 1, "'threads' must be an integer >= 0, got -2");
        assertMessage("epochs: 3000000000\n", 1, "'epochs' must be an integer >= 1 and at most 2147483647, got 3000000000");
        assertMessage("seed: 99999999999999999999\n", 1,
                "'seed' must be an integer and at most 9223372036854775807, got 99999999999999999999");
        assertMessage("seed: -99999999999999999999\n", 1,
                "'seed' must be an integer and at least -9223372036854775808, got -99999999999999999999");
        assertMessage("epochs: -99999999999999999999\n", 1, "'epochs' must be an integer >= 1, got -99999999999999999999");
        assertMessage("data: {validation_split: 1}\n", 1, "'validation_split' must be a number in [0, 1), got 1");
        assertMessage("optimizer:\n  learning_rate: -0.1\n", 2, "'learning_rate' must be a number > 0, got -0.1");
        assertMessage("optimizer:\n  learning_rate: .inf\n", 2, "'learning_rate' must be a number > 0, got .inf");
        assertMessage("optimizer:\n  epsilon: .nan\n", 2, "'epsilon' must be a number > 0, got .nan");
        assertMessage("optimizer: {name: sgd, momentum: 1.0}\n", 1, "'momentum' must be a number in [0, 1), got 1.0");
    }

    @Test
    void unsupportedChoicesListTheSupportedOnes() {
        assertMessage("optimizer:\n  name: adamax\n", 2, "optimizer 'adamax' is not supported; expected one of: sgd, adam, "
                + "adamw, rmsprop, adagrad, adadelta, nadam, lion");
        assertMessage("loss: hinge\n", 1, "loss 'hinge' is not supported; expected one of: softmax_cross_entropy, mse, "
                + "mae, huber, log_cosh, binary_cross_entropy");
        assertMessage("data: {dataset: cifar10}\n", 1, "dataset 'cifar10' is not supported; expected one of: mnist10k, idx, csv");
        assertMessage("model:\n  layers:\n    - dense: 4\n    - swish\n", 4,
                "layer 'swish' is not supported; expected one of: dense, relu, sigmoid, tanh, softmax, leaky_relu, elu, "
                        + "selu, gelu, softplus, silu, dropout, batch_normalization, layer_normalization");
        assertMessage("model:\n  layers:\n    - dense: {units: 4, activation: batch_normalization}\n", 3,
                "activation 'batch_normalization' is not supported; expected one of: relu, sigmoid, tanh, softmax, "
                        + "leaky_relu, elu, selu, gelu, softplus, silu, null");
        assertMessage("model:\n  layers:\n    - dense: 4\n    - batch_normalization: 3\n", 4,
                "layer 'batch_normalization' takes no settings; write '- batch_normalization'");
    }

    @Test
    void settingsOfAnotherOptimizerAreRefusedWithTheKeysThisOneAccepts() {
        assertMessage("optimizer:\n  name: adam\n  momentum: 0.9\n", 3, "unknown key 'momentum' in optimizer adam; "
                + "expected one of: name, learning_rate, beta1, beta2, epsilon, amsgrad, weight_decay, clip_norm, clip_value, "
                + "schedule ('momentum' is a setting of optimizer sgd, rmsprop)");
        assertError("optimizer:\n  momentum: 0.9\n", 2, "unknown key 'momentum' in optimizer adam");
        assertMessage("optimizer:\n  beta1: 0.8\n  name: sgd\n", 2, "unknown key 'beta1' in optimizer sgd; expected one "
                + "of: name, learning_rate, momentum, nesterov, weight_decay, clip_norm, clip_value, schedule ('beta1' is a "
                + "setting of optimizer adam, adamw, nadam, lion)");
        assertError("optimizer:\n  name: sgd\n  nesterov: true\n", 2, "optimizer sgd: nesterov needs momentum > 0");
    }

    @Test
    void idxNeedsEveryPathAndNamesTheMissingOne() {
        assertMessage("data:\n  dataset: idx\n  train_images: a\n  train_labels: b\n  test_images: c\n", 2,
                "dataset 'idx' needs 'test_labels' (the path of an IDX file)");
        assertMessage("data:\n  train_images: a\n", 2, "'train_images' applies to dataset idx, not mnist10k");
        assertMessage("data: {dataset: idx, train_images: '', train_labels: b, test_images: c, test_labels: d}\n",
                1, "'train_images' must be a file path, got \"\"");
    }

    @Test
    void csvNeedsTrainAndLabelAndRefusesSettingsOfOtherDatasets() {
        assertMessage("data:\n  dataset: csv\n  label: y\n", 2, "dataset 'csv' needs 'train' (the path of a CSV file)");
        assertMessage("data:\n  dataset: csv\n  train: t.csv\n", 2,
                "dataset 'csv' needs 'label' (the name of the label column)");
        assertMessage("data:\n  dataset: csv\n  train: t.csv\n  test: u.csv\n  label: y\n  test_split: 0.3\n", 6,
                "'test_split' applies only when there is no 'test' file");
        assertMessage("data:\n  label: y\n", 2, "'label' applies to dataset csv, not mnist10k");
        assertMessage("data:\n  dataset: csv\n  train: t.csv\n  label: ''\n", 4, "'label' must be a non-empty text, got \"\"");
    }

    @Test
    void regularizationTakesNonNegativeL1AndL2Only() {
        assertMessage("regularization:\n  l2: -1\n", 2, "'l2' must be a number >= 0, got -1");
        assertError("regularization:\n  weight_decay: 0.1\n", 2, "unknown key 'weight_decay' in regularization", "l1", "l2");
    }

    @Test
    void duplicateKeysAreRefusedWithBothLines() {
        assertMessage("epochs: 1\nseed: 2\nepochs: 3\n", 3, "duplicate key 'epochs' at top level (first given on line 1)");
        assertError("optimizer: {name: adam, name: sgd}\n", 1, "duplicate key 'name' in optimizer");
    }

    @Test
    void malformedLayersSayWhatToWrite() {
        assertError("model:\n  layers:\n    - dense\n", 3, "layer 'dense' needs its units", "- dense: 256");
        assertError("model:\n  layers:\n    - dense: {activation: relu}\n", 3, "layer 'dense' needs 'units'");
        assertError("model:\n  layers:\n    - dense: 4\n      activation: relu\n", 3, "a layer entry has one key");
        assertError("model:\n  layers:\n    - relu: {}\n", 3, "layer 'relu' takes no settings; write '- relu'");
        assertError("model:\n  layers:\n    - [dense, 4]\n", 3, "a layer is a name such as 'relu'", "got a list");
        assertError("model:\n  layers: []\n", 2, "'layers' must list at least one layer");
        assertError("model:\n  layers: relu\n", 2, "'layers' must be a list of layers, got \"relu\"");
        assertError("model:\n  layers:\n    - dense: 0\n", 3, "'dense' must be an integer >= 1, got 0");
    }

    @Test
    void wholeModelRulesAreReportedAtTheLayersList() {
        assertError("model:\n  layers:\n    - relu\n", 3, "at least one dense layer");
        assertError("model:\n  layers:\n    - dense: 10\n    - softmax\n", 3, "applies softmax itself");
    }

    @Test
    void topLevelMustBeAMapping() {
        assertError("- epochs: 3\n", 1, "a run file is a mapping of settings", "got a list");
        assertError("\n\njust words\n", 3, "got \"just words\"");
        assertError("{1: 2}\n", 1, "unknown key '1' at top level");
        assertError("? [a, b]\n: 1\n", 1, "keys at top level must be plain names, got a list");
    }

    @Test
    void yamlSyntaxErrorsAreOneLineWithTheLine() {
        assertError("seed: 1\nepochs: [1, 2\n", 3, "invalid YAML");
        assertError("seed: 1\noptimizer:\n  name: adam\n lr: 1\n", 4, "invalid YAML");
        assertError("epochs: 1: 2\n", 1, "invalid YAML: mapping values are not allowed here");
        assertError("epochs: 1\n---\nepochs: 2\n", 2, "invalid YAML: but found another document (expected a single document in the stream)");
        assertError("epochs: 1\nseed: \u0001\n", 2, "invalid YAML: character U+0001");
    }

    @Test
    void missingFileSaysSo(@TempDir Path directory) {
        Path missing = directory.resolve("nope.yaml");
        ConfigException error = assertThrows(ConfigException.class, () -> TrainConfigParser.parse(missing));
        assertEquals("cannot read config " + missing + ": no such file", error.getMessage());
        ConfigException folder = assertThrows(ConfigException.class, () -> TrainConfigParser.parse(directory));
        assertEquals("cannot read config " + directory + ": it is a directory", folder.getMessage());
    }

    @Test
    void textThatIsNotUtf8IsRefused(@TempDir Path directory) throws IOException {
        Path latin1 = Files.write(directory.resolve("latin1.yaml"), new byte[] {'s', 'e', 'e', 'd', ':', ' ', (byte) 0xE9});
        ConfigException error = assertThrows(ConfigException.class, () -> TrainConfigParser.parse(latin1));
        assertEquals("cannot read config " + latin1 + ": not UTF-8 text", error.getMessage());
    }

    @Test
    void errorsFromAFileNameTheFile(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("bad.yaml"), "seed: 1\nepochs: ten\n");
        ConfigException error = assertThrows(ConfigException.class, () -> TrainConfigParser.parse(file));
        assertEquals(file + " line 2: 'epochs' must be an integer >= 1, got \"ten\"", error.getMessage());
    }

    @Test
    void longOrMultiLineValuesAreShortenedToOneLine() {
        String message = assertError("loss: |\n  one\n  two\n", 1, "loss 'one\\ntwo\\n' is not supported");
        assertError("loss: " + "x".repeat(100) + "\n", 1, "'" + "x".repeat(40) + "...'");
        assertEquals(-1, message.indexOf('\n'));
    }

    @Test
    void dropoutNeedsARateBelowOne() {
        assertMessage("model:\n  layers:\n    - dropout\n    - dense: 10\n", 3,
                "layer 'dropout' needs its rate; write '- dropout: 0.2'");
        ConfigErrors.assertError("model:\n  layers:\n    - dropout: 1.5\n    - dense: 10\n", 3, "'dropout' must be a number in [0, 1)");
    }
}
