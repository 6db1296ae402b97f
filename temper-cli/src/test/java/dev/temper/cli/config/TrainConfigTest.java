package dev.temper.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainConfigTest {
    private static final TrainConfig DEFAULTS = TrainConfig.defaults();

    @Test
    void defaultsAreTheDocumentedRun() {
        assertEquals(42, DEFAULTS.seed());
        assertEquals(0, DEFAULTS.threads());
        assertEquals(30, DEFAULTS.epochs());
        assertEquals(128, DEFAULTS.batchSize());
        assertEquals(LossKind.SOFTMAX_CROSS_ENTROPY, DEFAULTS.loss());
        assertEquals(
                List.of(
                        new LayerSpec(LayerKind.DROPOUT, 0, null, 0.2),
                        new LayerSpec(LayerKind.DENSE, 1024, null),
                        new LayerSpec(LayerKind.RELU, 0, null),
                        new LayerSpec(LayerKind.DROPOUT, 0, null, 0.5),
                        new LayerSpec(LayerKind.DENSE, 1024, null),
                        new LayerSpec(LayerKind.RELU, 0, null),
                        new LayerSpec(LayerKind.DROPOUT, 0, null, 0.5),
                        new LayerSpec(LayerKind.DENSE, 10, null)),
                DEFAULTS.layers());
        assertEquals(10, DEFAULTS.outputUnits());
    }

    @Test
    void defaultDataIsTheEmbeddedSubsetWithATenthHeldOut() {
        DataConfig data = DEFAULTS.data();
        assertEquals(DatasetKind.MNIST10K, data.dataset());
        assertEquals(0.1, data.validationSplit());
        assertNull(data.trainImages());
        assertNull(data.trainLabels());
        assertNull(data.testImages());
        assertNull(data.testLabels());
    }

    @Test
    void defaultOptimizerIsAdamWithThePapersSettings() {
        OptimizerConfig adam = DEFAULTS.optimizer();
        assertEquals(OptimizerKind.ADAM, adam.name());
        java.util.Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("learning_rate", 1e-3);
        expected.put("beta1", 0.9);
        expected.put("beta2", 0.999);
        expected.put("epsilon", 1e-8);
        expected.put("amsgrad", false);
        expected.put("weight_decay", 0.0);
        expected.put("clip_norm", null);
        expected.put("clip_value", null);
        assertEquals(expected, adam.settings().values());
        assertNull(adam.schedule());
    }

    @Test
    void withSeedAndWithThreadsChangeOnlyTheirField() {
        TrainConfig changed = DEFAULTS.withSeed(7).withThreads(3);
        assertEquals(7, changed.seed());
        assertEquals(3, changed.threads());
        assertEquals(DEFAULTS, changed.withSeed(DEFAULTS.seed()).withThreads(DEFAULTS.threads()));
    }

    @Test
    void constructorNamesTheArgumentAndTheValue() {
        assertMessage("epochs must be >= 1, got 0", () -> withEpochs(0));
        assertMessage("threads must be >= 0, got -1", () -> DEFAULTS.withThreads(-1));
        assertMessage("batchSize must be >= 1, got 0", () -> new TrainConfig(
                1, 0, 1, 0, DEFAULTS.data(), DEFAULTS.layers(), DEFAULTS.loss(), DEFAULTS.optimizer()));
    }

    @Test
    void layersAreCopiedSoTheConfigCannotChangeLater() {
        List<LayerSpec> layers = new ArrayList<>(DEFAULTS.layers());
        TrainConfig config = new TrainConfig(
                1, 0, 1, 1, DEFAULTS.data(), layers, DEFAULTS.loss(), DEFAULTS.optimizer());
        layers.clear();
        assertEquals(DEFAULTS.layers().size(), config.layers().size());
    }

    @Test
    void refusesAModelWithoutADenseLayer() {
        List<LayerSpec> onlyRelu = List.of(LayerSpec.activation(LayerKind.RELU));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new TrainConfig(
                1, 0, 1, 1, DEFAULTS.data(), onlyRelu, LossKind.MSE, DEFAULTS.optimizer()));
        assertEquals("layers must contain at least one dense layer, got only relu", error.getMessage());
    }

    @Test
    void refusesASoftmaxBeforeSoftmaxCrossEntropyButNotBeforeMse() {
        List<LayerSpec> layers = List.of(LayerSpec.dense(10, LayerKind.SOFTMAX));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new TrainConfig(
                1, 0, 1, 1, DEFAULTS.data(), layers, LossKind.SOFTMAX_CROSS_ENTROPY, DEFAULTS.optimizer()));
        assertTrue(error.getMessage().contains("softmax_cross_entropy applies softmax itself"));
        new TrainConfig(1, 0, 1, 1, DEFAULTS.data(), layers, LossKind.MSE, DEFAULTS.optimizer());
    }

    @Test
    void outputUnitsIsTheLastDenseLayersWidth() {
        List<LayerSpec> layers = List.of(
                LayerSpec.dense(32), LayerSpec.dense(3), LayerSpec.activation(LayerKind.SIGMOID));
        TrainConfig config = new TrainConfig(1, 0, 1, 1, DEFAULTS.data(), layers, LossKind.MSE, DEFAULTS.optimizer());
        assertEquals(3, config.outputUnits());
    }

    private static TrainConfig withEpochs(int epochs) {
        return new TrainConfig(
                1, 0, epochs, 1, DEFAULTS.data(), DEFAULTS.layers(), DEFAULTS.loss(), DEFAULTS.optimizer());
    }

    private static void assertMessage(String expected, Runnable construct) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, construct::run);
        assertEquals(expected, error.getMessage());
    }
}
