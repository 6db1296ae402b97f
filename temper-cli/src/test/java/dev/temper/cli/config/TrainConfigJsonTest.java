package dev.temper.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resolved config a model file carries is a run file that reads back to an equal config. */
class TrainConfigJsonTest {

    private static void assertRoundTrip(TrainConfig config) {
        String json = TrainConfigJson.toJson(config);
        assertEquals(config, TrainConfigParser.parse(json, "config.json", Path.of("/elsewhere")), json);
    }

    @Test
    void everyPartReadsBack() {
        TrainConfig defaults = TrainConfig.defaults();
        assertRoundTrip(defaults);
        assertRoundTrip(defaults
                .withOptimizer(OptimizerConfig.of(OptimizerKind.SGD).with("momentum", 0.9).with("nesterov", true)
                        .with("clip_value", 0.5).with("weight_decay", 1e-4)
                        .withSchedule(new ScheduleConfig(ScheduleKind.MULTI_STEP, Settings.none()
                                .with("milestones", List.of(3, 7)).with("per", "step").with("warmup", 2))))
                .withRegularization(new RegularizationConfig(1e-5, 1e-4))
                .withCallbacks(List.of(CallbackConfig.of(CallbackKind.EARLY_STOPPING).with("baseline", 0.3)
                                .with("time_limit_seconds", 1e10),
                        CallbackConfig.of(CallbackKind.TERMINATE_ON_NAN), CallbackConfig.of(CallbackKind.CSV_LOGGER)))
                .withAugmentation(List.of(AugmentationConfig.of(AugmentationKind.ROTATION, 7.5),
                        AugmentationConfig.of(AugmentationKind.CUTOUT, 4)))
                .withLayers(List.of(LayerSpec.dense(64, LayerKind.GELU), LayerSpec.withoutSettings(LayerKind.BATCH_NORMALIZATION),
                        LayerSpec.dropout(0.25), LayerSpec.dense(10))));
        DataConfig csv = new DataConfig(DatasetKind.CSV, null, null, null, null, 0,
                new CsvConfig(Path.of("/data/t.csv"), null, "y", 0.25, false));
        assertRoundTrip(new TrainConfig(1, 2, 3, 4, csv, List.of(LayerSpec.dense(1)), LossKind.HUBER,
                OptimizerConfig.of(OptimizerKind.NADAM)).withCrossValidation(new CrossValidationConfig(4, false)));
        DataConfig idx = new DataConfig(DatasetKind.IDX, Path.of("/d/a"), Path.of("/d/b"), Path.of("/d/c"),
                Path.of("/d/e"), 0.2);
        assertRoundTrip(defaults.withData(idx));
    }

    @Test
    void largeAndSmallNumbersKeepTheirExponentSign() {
        assertEquals("1.0E+10", Json.number(1e10));
        assertEquals("1.0E-8", Json.number(1e-8));
        assertEquals("0.001", Json.number(0.001));
        assertTrue(TrainConfigJson.toJson(TrainConfig.defaults()).contains("\"epsilon\": 1.0E-8"));
    }
}
