package dev.temper.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** examples/mlp-mnist.yaml documents the defaults, so it must parse to exactly them. */
class ExampleConfigTest {

    @Test
    void mlpMnistExampleSpellsOutTheDefaults() {
        assertEquals(TrainConfig.defaults(), TrainConfigParser.parse(example("mlp-mnist.yaml")));
    }

    /** Every key of every kind, and every kind, appears in the documented example (commented out or not). */
    @Test
    void mlpMnistExampleDocumentsEveryKey() throws java.io.IOException {
        String text = Files.readString(example("mlp-mnist.yaml"));
        java.util.List<ConfigKind> kinds = new java.util.ArrayList<>();
        kinds.addAll(java.util.List.of(OptimizerKind.values()));
        kinds.addAll(java.util.List.of(ScheduleKind.values()));
        kinds.addAll(java.util.List.of(CallbackKind.values()));
        kinds.addAll(java.util.List.of(AugmentationKind.values()));
        for (ConfigKind kind : kinds) {
            org.junit.jupiter.api.Assertions.assertTrue(text.contains(kind.yamlName()), kind.describe());
            for (Setting s : kind.settings()) {
                org.junit.jupiter.api.Assertions.assertTrue(text.contains(" " + s.key() + ":")
                        || kind instanceof AugmentationKind && text.contains(" {" + s.key() + ":"),
                        kind.describe() + " key " + s.key());
            }
        }
    }

    @Test
    void regularizedExampleIsTheDefaultRunWithItsRegularizers() {
        TrainConfig defaults = TrainConfig.defaults();
        TrainConfig expected = defaults
                .withOptimizer(OptimizerConfig.of(OptimizerKind.ADAMW).with("weight_decay", 1e-4).with("clip_norm", 5.0)
                        .withSchedule(ScheduleConfig.of(ScheduleKind.COSINE).with("warmup", 2)))
                .withCallbacks(java.util.List.of(CallbackConfig.of(CallbackKind.TERMINATE_ON_NAN),
                        CallbackConfig.of(CallbackKind.EARLY_STOPPING).with("patience", 5).with("restore_best_weights", true),
                        CallbackConfig.of(CallbackKind.CSV_LOGGER)))
                .withAugmentation(java.util.List.of(AugmentationConfig.of(AugmentationKind.RANDOM_TRANSLATION, 2)));
        assertEquals(expected, TrainConfigParser.parse(example("regularized.yaml")));
    }

    @Test
    void augmentedExampleIsTheDefaultRunWithRandomTranslation() {
        assertEquals(TrainConfig.defaults().withAugmentation(
                        java.util.List.of(AugmentationConfig.of(AugmentationKind.RANDOM_TRANSLATION, 2))),
                TrainConfigParser.parse(example("augmented.yaml")));
    }

    /** Maven runs tests from the module's directory; the examples live at the repository root. */
    private static Path example(String name) {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("examples").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return fail("no examples/" + name + " in " + Path.of("").toAbsolutePath() + " or above");
    }
}
