package dev.temper.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.io.SafeTensors;
import dev.temper.io.TensorFile;
import dev.temper.loss.SoftmaxCrossEntropyLoss;
import dev.temper.nn.BatchNormalization;
import dev.temper.nn.Dense;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.optim.Sgd;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ModelCheckpoint}: Keras's save_best_only semantics, one by one, and what the files hold. */
class ModelCheckpointTest {
    @TempDir
    Path dir;

    /** Drives {@code callback} through epochs whose val_loss and val_accuracy are {@code values}, as fit does. */
    private static void run(ModelCheckpoint callback, double... values) {
        ScriptedEpochs s = new ScriptedEpochs();
        callback.onTrainBegin(s.control);
        int epoch = 0;
        for (double v : values) {
            epoch++;
            callback.onEpochEnd(ScriptedEpochs.record(epoch, v, v), s.control);
            callback.onCheckpoint(epoch, s.control);
        }
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void bestOnlySavesOnlyStrictImprovements() throws IOException {
        ModelCheckpoint best = ModelCheckpoint.to(dir.resolve("model-{epoch:02d}.safetensors"))
                .withSaveBestOnly(true).withSaveWeightsOnly(true);
        run(best, 1.0, 0.8, 0.9, 0.7, 0.7, Double.NaN, 0.6);
        // 0.7 again is no improvement (strict, as Keras's np.less); NaN never is
        assertEquals(List.of("model-01.safetensors", "model-02.safetensors", "model-04.safetensors", "model-07.safetensors"), files());
        assertEquals(0.6, best.best());
        assertEquals(dir.resolve("model-07.safetensors"), best.lastSaved());
        Map<String, String> meta = SafeTensors.readMetadata(dir.resolve("model-04.safetensors"));
        assertEquals("4", meta.get("epoch"));
        assertEquals("0.7", meta.get("val_loss"));
    }

    @Test
    void everyEpochWithoutBestOnly() throws IOException {
        run(ModelCheckpoint.to(dir.resolve("e{epoch}.safetensors")).withSaveWeightsOnly(true), 1.0, 2.0, 3.0);
        assertEquals(List.of("e1.safetensors", "e2.safetensors", "e3.safetensors"), files());
    }

    @Test
    void modeMaxAndAutoByName() throws IOException {
        ModelCheckpoint accuracy = ModelCheckpoint.to(dir.resolve("acc-{epoch}-{val_accuracy:.2f}.safetensors"))
                .withMonitor("val_accuracy").withSaveBestOnly(true).withSaveWeightsOnly(true);
        assertTrue(accuracy.monitor().higherIsBetter(), "auto mode maximizes an accuracy");
        run(accuracy, 0.5, 0.4, 0.75);
        assertEquals(List.of("acc-1-0.50.safetensors", "acc-3-0.75.safetensors"), files());
        ModelCheckpoint forcedMin = ModelCheckpoint.to(dir.resolve("min-{epoch}.safetensors")).withMonitor("val_accuracy")
                .withMode(MonitorMode.MIN).withSaveBestOnly(true).withSaveWeightsOnly(true);
        run(forcedMin, 0.5, 0.4, 0.75);
        assertTrue(files().containsAll(List.of("min-1.safetensors", "min-2.safetensors")) && !files().contains("min-3.safetensors"));
    }

    @Test
    void anInitialThresholdMustBeBeatenFirst() throws IOException {
        run(ModelCheckpoint.to(dir.resolve("t{epoch}.safetensors")).withSaveBestOnly(true).withSaveWeightsOnly(true)
                .withInitialValueThreshold(0.5), 0.9, 0.5, 0.45);
        assertEquals(List.of("t3.safetensors"), files());
    }

    @Test
    void theBestValueIsStateThatSurvivesAResume() throws IOException {
        ModelCheckpoint first = ModelCheckpoint.to(dir.resolve("r{epoch}.safetensors")).withSaveBestOnly(true).withSaveWeightsOnly(true);
        run(first, 1.0, 0.5);
        ModelCheckpoint resumed = ModelCheckpoint.to(dir.resolve("r{epoch}.safetensors")).withSaveBestOnly(true).withSaveWeightsOnly(true);
        resumed.restoreState(first.exportState());
        ScriptedEpochs s = new ScriptedEpochs();
        resumed.onTrainBegin(s.control);
        resumed.onEpochEnd(ScriptedEpochs.record(3, 0.7, 0.7), s.control); // worse than 0.5: a fresh callback would save
        resumed.onCheckpoint(3, s.control);
        assertEquals(List.of("r1.safetensors", "r2.safetensors"), files());
        assertThrows(IllegalArgumentException.class, () -> resumed.restoreState(CallbackState.ofNumbers(Map.of())));
    }

    /** Copies the weights at the end of every epoch. */
    private static final class WeightsByEpoch implements Callback {
        final Map<Integer, Map<String, Tensor>> weights = new HashMap<>();

        @Override
        public void onEpochEnd(EpochRecord record, TrainingControl control) {
            weights.put(record.epoch(), control.snapshotWeights());
        }
    }

    @Test
    void aFixedPathEndsHoldingTheBestEpochsWeightsAndAFullCheckpointCanBeRead() {
        Rng rng = new Rng(3);
        Sequential model = new Sequential(new Dense(20, 8, rng), new BatchNormalization(8), new ReLU(), new Dense(8, 3, rng));
        WeightsByEpoch seen = new WeightsByEpoch();
        ModelCheckpoint weights = ModelCheckpoint.to(dir.resolve("best.safetensors")).withSaveBestOnly(true).withSaveWeightsOnly(true);
        ModelCheckpoint full = ModelCheckpoint.to(dir.resolve("full.safetensors")).withSaveBestOnly(true);
        History h = new Trainer(model, new SoftmaxCrossEntropyLoss(), new Sgd(0.5, 0.9, false).build())
                .withCallbacks(seen, weights, full)
                .fit(TrainerTest.blobs(90, 1), TrainerTest.blobs(60, 2), 6, 30, rng);
        int bestEpoch = 1;
        for (EpochRecord r : h.epochs()) {
            if (r.validationLoss() < h.epochs().get(bestEpoch - 1).validationLoss()) {
                bestEpoch = r.epoch();
            }
        }
        TensorFile saved = SafeTensors.read(dir.resolve("best.safetensors"));
        assertEquals(Integer.toString(bestEpoch), saved.metadata().get("epoch"));
        Map<String, Tensor> expected = seen.weights.get(bestEpoch);
        assertEquals(expected.keySet(), saved.tensors().keySet());
        expected.forEach((path, t) -> assertTrue(t.contentEquals(saved.tensors().get(path)), path));

        TrainingCheckpoint checkpoint = CheckpointFile.read(dir.resolve("full.safetensors"));
        assertEquals(bestEpoch, checkpoint.epoch());
        assertEquals(h.epochs().subList(0, bestEpoch), checkpoint.history());
        assertEquals(Map.of("epoch", Integer.toString(bestEpoch), "val_loss", Double.toString(h.epochs().get(bestEpoch - 1).validationLoss())),
                checkpoint.metadata());
        assertEquals(List.of("1.ModelCheckpoint", "2.ModelCheckpoint"), List.copyOf(checkpoint.callbacks().keySet()));
        assertFalse(Double.isInfinite(checkpoint.callbacks().get("2.ModelCheckpoint").number("test", "best")),
                "the full checkpoint holds its own best value, updated before it was taken");
    }

    @Test
    void badPatternsAreRejectedWithThePattern() {
        for (String[] bad : new String[][] {
            {"m-{epoch.safetensors", "is never closed"},
            {"m-{epoch:x}.safetensors", "expected d or 0Nd"},
            {"m-{val_loss:5}.safetensors", "expected .Nf"},
            {"m-}.safetensors", "closes nothing"},
            {"m-{}.safetensors", "has no name"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelCheckpoint.to(Path.of(bad[0])));
            assertTrue(e.getMessage().contains("'" + bad[0] + "'") && e.getMessage().contains(bad[1]), e.getMessage());
        }
        assertEquals(Path.of("m-{7}.safetensors"), new CheckpointPath("m-{{{epoch}}}.safetensors").format(ScriptedEpochs.record(7, 0, 0)));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new CheckpointPath("{val_los}").format(ScriptedEpochs.record(1, 0, 0)));
        assertTrue(unknown.getMessage().contains("'val_los'"), unknown.getMessage());
    }
}
