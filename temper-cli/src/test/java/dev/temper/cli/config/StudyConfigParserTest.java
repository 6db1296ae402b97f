package dev.temper.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudyConfigParserTest {
    private static final String BASE = String.join("\n",
            "epochs: 4",
            "optimizer: {name: adam, learning_rate: 0.002}",
            "model:",
            "  layers: [{dense: 16}, relu, {dense: 10}]",
            "");

    private static StudyConfig parse(String study) {
        return StudyConfigParser.parse(BASE + study, "study.yaml", Path.of("/studies"));
    }

    private static StudyConfig.RegimeConfig regime(StudyConfig c, String name) {
        return c.regimes().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aRegimeIsTheBaseRunWithItsKeysMergedIn() {
        StudyConfig c = parse(String.join("\n",
                "study:",
                "  seeds: [7, 3]",
                "  best_epoch_by: val_accuracy",
                "  regimes:",
                "    baseline: {}",
                "    decay: {optimizer: {name: adamw, weight_decay: 0.5}}",
                "    longer: {epochs: 9, regularization: {l2: 0.001}}",
                "    wide: {model: {layers: [{dense: 64}, relu, {dense: 10}]}}",
                ""));
        assertEquals(List.of("baseline", "decay", "longer", "wide"), c.regimes().stream().map(StudyConfig.RegimeConfig::name).toList());
        assertEquals(List.of(7L, 3L), c.seeds());
        assertEquals("val_accuracy", c.bestEpochBy());
        assertEquals(c.base(), regime(c, "baseline").config());
        // mappings merge key by key: adamw keeps the base's learning rate
        assertEquals(c.base().withOptimizer(OptimizerConfig.of(OptimizerKind.ADAMW).with("learning_rate", 0.002)
                .with("weight_decay", 0.5)), regime(c, "decay").config());
        assertEquals(c.base().withEpochs(9).withRegularization(new RegularizationConfig(0, 0.001)), regime(c, "longer").config());
        // a list replaces the base's
        assertEquals(List.of(LayerSpec.dense(64), LayerSpec.activation(LayerKind.RELU), LayerSpec.dense(10)),
                regime(c, "wide").config().layers());
        assertEquals("optimizer: {name: adamw, weight_decay: 0.5}", regime(c, "decay").change());
        assertEquals("the base run, unchanged", regime(c, "baseline").change());
        assertTrue(c.baseDescription().contains("learning_rate: 0.002"), c.baseDescription());
    }

    @Test
    void seedsDefaultToThreeAndACountMeansOneToN() {
        assertEquals(List.of(1L, 2L, 3L), parse("study: {regimes: {baseline: {}}}\n").seeds());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), parse("study: {seeds: 5, regimes: {baseline: }}\n").seeds());
        assertEquals(List.of(1L, 2L), parse("study: {regimes: {baseline: {}}}\n").withSeedCount(2).seeds());
    }

    @Test
    void theDefaultStudyIsTheExampleFileAndHasNineRegimes() {
        StudyConfig c = StudyConfigParser.defaults();
        assertEquals(List.of("baseline", "l1", "l2", "weight_decay", "dropout", "batch_norm", "early_stopping",
                "augmentation", "combination"), c.regimes().stream().map(StudyConfig.RegimeConfig::name).toList());
        assertEquals(List.of(1L, 2L, 3L), c.seeds());
        assertEquals(1000, c.base().data().trainExamples());
        assertEquals(0.3, regime(c, "l1").config().regularization().proximalL1());
        assertTrue(regime(c, "early_stopping").config().callback(CallbackKind.EARLY_STOPPING) != null);
        assertEquals(2, regime(c, "combination").config().augmentation().size());
        assertEquals(OptimizerKind.ADAMW, regime(c, "combination").config().optimizer().name());
    }

    private static void assertError(String study, int line, String... fragments) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(study));
        assertTrue(e.getMessage().startsWith("study.yaml line " + line + ": "), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "missing '" + f + "' in: " + e.getMessage());
        }
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void mistakesInARegimeAreNamedWithTheirLineAndRegime() {
        assertError("study:\n  regimes:\n    l2: {regularization: {l3: 1}}\n", 7, "unknown key 'l3'", "(in regime 'l2')");
        assertError("study:\n  regimes:\n    more: {data: {train_examples: 10}}\n", 7,
                "regime 'more' cannot change 'data'");
        assertError("study:\n  regimes:\n    s: {seed: 3}\n", 7, "cannot change 'seed'", "study.seeds");
        assertError("study:\n  regimes:\n    L2: {}\n", 7, "lower-case");
        assertError("study:\n  regimes:\n    a: {}\n    a: {}\n", 8, "regime 'a' is given twice");
        assertError("study:\n  regimes:\n    a: 3\n", 7, "must be a mapping of the run-file keys");
        assertError("study:\n  best_epoch_by: val_auc\n  regimes: {a: {}}\n", 6, "'val_auc' is not a history column");
        assertError("study:\n  seeds: [1, 1]\n  regimes: {a: {}}\n", 6, "seed 1 is listed twice");
        assertError("study:\n  regimes: {}\n", 6, "'regimes' must map");
        assertError("study:\n  regime: {a: {}}\n", 6, "unknown key 'regime' in study");
        ConfigException e = assertThrows(ConfigException.class,
                () -> StudyConfigParser.parse("epochs: 3\n", "s.yaml", Path.of("/")));
        assertTrue(e.getMessage().contains("needs a 'study:' section"), e.getMessage());
    }
}
