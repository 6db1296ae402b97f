package dev.temper.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The rules the parts of a TrainConfig enforce on their own, whoever builds them. */
class ConfigRecordsTest {
    private static final Path FILE = Path.of("/data/f");

    @Test
    void sgdDefaultsAreTheLibrarys() {
        OptimizerConfig sgd = OptimizerConfig.sgd();
        assertEquals(OptimizerKind.SGD, sgd.name());
        assertEquals(0.01, sgd.learningRate());
        assertEquals(0.0, sgd.settings().number("momentum"));
        assertEquals(false, sgd.settings().flag("nesterov"));
        assertEquals(0.0, sgd.weightDecay());
        assertEquals(false, sgd.settings().isSet("clip_norm"));
        assertEquals(sgd, OptimizerConfig.defaultsFor(OptimizerKind.SGD));
        assertEquals(OptimizerConfig.adam(), OptimizerConfig.defaultsFor(OptimizerKind.ADAM));
    }

    @Test
    void optimizerRefusesOutOfRangeValues() {
        assertMessage("optimizer adam: learning_rate must be a number > 0, got -0.1",
                () -> OptimizerConfig.adam().with("learning_rate", -0.1));
        assertMessage("optimizer adam: learning_rate must be a number > 0, got NaN",
                () -> OptimizerConfig.adam().with("learning_rate", Double.NaN));
        assertMessage("optimizer adam: beta1 must be a number in [0, 1), got 1.0", () -> OptimizerConfig.adam().with("beta1", 1.0));
        assertMessage("optimizer adam: epsilon must be a number > 0, got 0", () -> OptimizerConfig.adam().with("epsilon", 0));
        assertMessage("optimizer adam: amsgrad must be true or false, got \"yes\"",
                () -> OptimizerConfig.adam().with("amsgrad", "yes"));
    }

    @Test
    void optimizerRefusesSettingsOfAnotherOptimizer() {
        assertMessage("optimizer adam has no setting 'momentum'; expected one of: learning_rate, beta1, beta2, epsilon, "
                        + "amsgrad, weight_decay, clip_norm, clip_value",
                () -> OptimizerConfig.adam().with("momentum", 0.9));
        assertMessage("optimizer sgd has no setting 'beta1'; expected one of: learning_rate, momentum, nesterov, "
                        + "weight_decay, clip_norm, clip_value",
                () -> OptimizerConfig.sgd().with("beta1", 0.5));
        assertMessage("optimizer sgd: nesterov needs momentum > 0, got momentum 0",
                () -> OptimizerConfig.sgd().with("nesterov", true));
    }

    @Test
    void idxNeedsAllFourPathsAndMnist10kTakesNone() {
        assertMessage("testLabels must be set for dataset idx",
                () -> new DataConfig(DatasetKind.IDX, FILE, FILE, FILE, null, 0.1));
        assertMessage("trainImages applies to dataset idx, not mnist10k, got " + FILE,
                () -> new DataConfig(DatasetKind.MNIST10K, FILE, null, null, null, 0.1));
        assertMessage("validationSplit must be in [0, 1), got 1.0",
                () -> new DataConfig(DatasetKind.MNIST10K, null, null, null, null, 1.0));
    }

    @Test
    void layerSpecKeepsUnitsAndActivationForDenseLayersOnly() {
        assertMessage("units must be >= 1, got 0", () -> LayerSpec.dense(0));
        assertMessage("units applies to dense layers only, got 5 for relu",
                () -> new LayerSpec(LayerKind.RELU, 5, null));
        assertMessage("activation must be one of [RELU, SIGMOID, TANH, SOFTMAX, LEAKY_RELU, ELU, SELU, GELU, SOFTPLUS, SILU] or null, got DENSE",
                () -> LayerSpec.dense(3, LayerKind.DENSE));
        assertMessage("kind must be one of [RELU, SIGMOID, TANH, SOFTMAX, LEAKY_RELU, ELU, SELU, GELU, SOFTPLUS, SILU], got DENSE",
                () -> LayerSpec.activation(LayerKind.DENSE));
    }

    @Test
    void yamlNamesAreSnakeCase() {
        assertEquals("softmax_cross_entropy", LossKind.SOFTMAX_CROSS_ENTROPY.yamlName());
        assertEquals("mnist10k", DatasetKind.MNIST10K.yamlName());
        assertEquals("adam", OptimizerKind.ADAM.yamlName());
        assertEquals("tanh", LayerKind.TANH.yamlName());
    }

    private static void assertMessage(String expected, Executable construct) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, construct).getMessage());
    }
}
