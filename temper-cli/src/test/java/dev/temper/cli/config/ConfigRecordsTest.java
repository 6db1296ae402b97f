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
    void sgdDefaultsDifferFromAdamOnlyInNameAndLearningRate() {
        OptimizerConfig sgd = OptimizerConfig.sgd();
        assertEquals(OptimizerKind.SGD, sgd.name());
        assertEquals(0.01, sgd.learningRate());
        assertEquals(0.0, sgd.momentum());
        assertEquals(false, sgd.nesterov());
        assertEquals(sgd, OptimizerConfig.defaultsFor(OptimizerKind.SGD));
        assertEquals(OptimizerConfig.adam(), OptimizerConfig.defaultsFor(OptimizerKind.ADAM));
    }

    @Test
    void optimizerRefusesOutOfRangeValues() {
        assertMessage("learningRate must be > 0, got -0.1",
                () -> new OptimizerConfig(OptimizerKind.ADAM, -0.1, 0.9, 0.999, 1e-8, 0, false));
        assertMessage("learningRate must be > 0, got NaN",
                () -> new OptimizerConfig(OptimizerKind.ADAM, Double.NaN, 0.9, 0.999, 1e-8, 0, false));
        assertMessage("beta1 must be in [0, 1), got 1.0",
                () -> new OptimizerConfig(OptimizerKind.ADAM, 1e-3, 1.0, 0.999, 1e-8, 0, false));
        assertMessage("epsilon must be > 0, got 0.0",
                () -> new OptimizerConfig(OptimizerKind.ADAM, 1e-3, 0.9, 0.999, 0, 0, false));
    }

    @Test
    void optimizerRefusesSettingsOfTheOtherOptimizer() {
        assertMessage("momentum applies to optimizer sgd, not adam, got 0.9",
                () -> new OptimizerConfig(OptimizerKind.ADAM, 1e-3, 0.9, 0.999, 1e-8, 0.9, false));
        assertMessage("beta1 applies to optimizer adam, not sgd, got 0.5",
                () -> new OptimizerConfig(OptimizerKind.SGD, 0.01, 0.5, 0.999, 1e-8, 0, false));
        assertMessage("nesterov requires momentum > 0, got momentum 0.0",
                () -> new OptimizerConfig(OptimizerKind.SGD, 0.01, 0.9, 0.999, 1e-8, 0, true));
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
