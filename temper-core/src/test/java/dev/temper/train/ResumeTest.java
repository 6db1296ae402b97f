package dev.temper.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.data.Dataset;
import dev.temper.data.GaussianNoise;
import dev.temper.data.Mixup;
import dev.temper.loss.SoftmaxCrossEntropyLoss;
import dev.temper.metric.F1Score;
import dev.temper.nn.BatchNormalization;
import dev.temper.nn.Dense;
import dev.temper.nn.Dropout;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.optim.Adam;
import dev.temper.optim.Optimizer;
import dev.temper.optim.Sgd;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run interrupted mid-epoch and resumed from its {@link BackupAndRestore} backup ends exactly where the
 * uninterrupted run ends: the same weights bit for bit, the same history (wall-clock seconds aside), the same
 * early-stopping decision and report, the same CSV log. The run uses every kind of state a resume must carry:
 * shuffling, dropout (the layer stream), augmentation, mixup (its own stream), batch-norm buffers, Adam's moments, a
 * learning rate lowered by ReduceLROnPlateau, early stopping's patience and best weights, and a training metric.
 */
class ResumeTest {
    private static final int EPOCHS = 9;
    private static final int BATCH = 25; // 300 examples: 12 steps per epoch
    private static final Dataset TRAIN = TrainerTest.blobs(300, 1);
    private static final Dataset VALIDATION = TrainerTest.blobs(120, 2);

    @TempDir
    Path dir;

    /** Thrown by {@link Crash}: stands for the process dying. */
    private static final class Crashed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Dies in the middle of an epoch, after {@code step} batches. */
    private record Crash(long step) implements Callback {
        @Override
        public void onBatchEnd(int epoch, long stepNumber, double batchLoss, TrainingControl control) {
            if (stepNumber == step) {
                throw new Crashed();
            }
        }
    }

    /** One process's worth of objects: everything built afresh from the seed, as a restarted program would. */
    private final class Run {
        final Rng rng = new Rng(77);
        final Sequential model = new Sequential(new Dense(20, 16, rng), new BatchNormalization(16), new ReLU(),
                new Dropout(0.3), new Dense(16, 3, rng));
        // the baseline is never beaten (val_loss is never below 0): patience 5 stops the run after epoch 5, the first
        // not to improve once 5 epochs are counted (epoch 4 of the interrupted run is counted after the resume)
        final EarlyStopping early = EarlyStopping.monitoring("val_loss").withPatience(5).withBaseline(0.0)
                .withRestoreBestWeights(true);
        // min_delta 10 is never achieved after the first epoch: the rate halves every epoch from the second on
        final ReduceLROnPlateau plateau = ReduceLROnPlateau.monitoring("loss").withPatience(1).withFactor(0.5)
                .withMinDelta(10);
        final BackupAndRestore backup;
        final Optimizer optimizer = Adam.defaults().withLearningRate(0.01).build();
        final Path csv;
        final Trainer trainer;

        Run(String csvName, Callback... extra) {
            this(new BackupAndRestore(dir.resolve("backup")), csvName, extra);
        }

        Run(BackupAndRestore backup, String csvName, Callback... extra) {
            this.backup = backup;
            csv = dir.resolve(csvName);
            List<Callback> callbacks = new ArrayList<>(List.of(early, plateau, new CsvLogger(csv), backup));
            callbacks.addAll(List.of(extra)); // last, so the stateful callbacks keep their positions
            trainer = new Trainer(model, new SoftmaxCrossEntropyLoss(), optimizer)
                    .withMetrics(F1Score.macro())
                    .withAugmentation(new GaussianNoise(0.2))
                    .withMixup(new Mixup(0.4))
                    .withCallbacks(callbacks.toArray(new Callback[0]));
        }

        History fit() {
            return trainer.fit(TRAIN, VALIDATION, EPOCHS, BATCH, rng);
        }

        Map<String, Tensor> weights() {
            return new TrainingControl(model, new Sgd(0.1, 0, false).build()).snapshotWeights();
        }
    }

    /** Every figure of every epoch except the wall-clock seconds. */
    private static List<EpochRecord> withoutSeconds(History h) {
        return h.epochs().stream().map(r -> new EpochRecord(r.epoch(), r.trainLoss(), r.trainPenalty(), r.trainAccuracy(),
                r.validationLoss(), r.validationAccuracy(), 0.0, r.penaltyTerms(), r.metrics(), r.cutShortAtStep()))
                .collect(Collectors.toList());
    }

    /** The CSV without its seconds column. */
    private static List<String> withoutSecondsColumn(Path csv) throws IOException {
        List<String> header = List.of(Files.readAllLines(csv).get(0).split(","));
        int seconds = header.indexOf("seconds");
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(seconds);
            out.add(String.join(",", cells));
        }
        return out;
    }

    private static void assertSameWeights(Map<String, Tensor> expected, Map<String, Tensor> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String path : expected.keySet()) {
            assertTrue(expected.get(path).contentEquals(actual.get(path)), "weights differ at " + path);
        }
    }

    @Test
    void aRunResumedAfterACrashMidEpochEndsExactlyAsTheUninterruptedRun() throws IOException {
        Run whole = new Run("whole.csv");
        History expected = whole.fit();
        assertEquals(5, expected.last().epoch(), "the scenario needs the early stop after the crash point: " + expected.toCsv());
        assertTrue(whole.early.report().stopped() && whole.early.report().weightsRestored());
        assertFalse(Files.exists(whole.backup.file()), "the backup is deleted when the run completes");

        // dies in epoch 4, after 3 of its 12 batches: the backup holds epoch 3
        Run crashed = new Run("resumed.csv", new Crash(3 * 12 + 3));
        assertThrows(Crashed.class, crashed::fit);
        assertEquals(3, CheckpointFile.read(crashed.backup.file()).epoch());
        assertEquals(4, Files.readAllLines(crashed.csv).size(), "header and epochs 1 to 3 were logged");

        Run resumed = new Run("resumed.csv");
        History history = resumed.fit();
        assertEquals(withoutSeconds(expected), withoutSeconds(history));
        assertEquals(expected.stopReason(), history.stopReason());
        assertEquals(whole.early.report(), resumed.early.report());
        assertSameWeights(whole.weights(), resumed.weights());
        assertEquals(whole.trainer.callbacks().size(), resumed.trainer.callbacks().size());
        assertEquals(withoutSecondsColumn(whole.csv), withoutSecondsColumn(resumed.csv));
        assertFalse(Files.exists(resumed.backup.file()));
        // ReduceLROnPlateau halved the rate after epochs 2 to 5, both sides of the crash: restoring it mattered
        assertEquals(0.01 / 16, whole.optimizer.learningRate(), 1e-15);
        assertEquals(whole.optimizer.learningRate(), resumed.optimizer.learningRate());
        assertEquals(whole.optimizer.steps(), resumed.optimizer.steps());
    }

    @Test
    void aBackupKeptAfterTheEndResumesToTheSameEndWithoutTrainingMore() {
        Run first = new Run(new BackupAndRestore(dir.resolve("kept")).withDeleteOnCompletion(false), "first.csv");
        History h = first.fit();
        assertTrue(Files.exists(first.backup.file()), "kept as asked");
        TrainingCheckpoint last = CheckpointFile.read(first.backup.file());
        assertEquals(h.last().epoch(), last.epoch());
        assertEquals(h.stopReason(), last.stopReason());

        Run again = new Run(new BackupAndRestore(dir.resolve("kept")).withDeleteOnCompletion(false), "first.csv");
        List<Integer> epochsTrained = new ArrayList<>();
        History h2 = again.trainer.fit(TRAIN, VALIDATION, EPOCHS, BATCH, again.rng, r -> epochsTrained.add(r.epoch()));
        assertEquals(List.of(), epochsTrained, "the checkpoint was taken after the stop: nothing is left to train");
        assertEquals(withoutSeconds(h), withoutSeconds(h2));
        assertEquals(h.stopReason(), h2.stopReason());
        assertSameWeights(first.weights(), again.weights()); // early stopping restored the best weights again
    }

    @Test
    void aCheckpointOfAnotherRunIsRefusedBeforeAnythingChanges() {
        Run crashed = new Run("a.csv", new Crash(2 * 12 + 1));
        assertThrows(Crashed.class, crashed::fit);

        Run other = new Run("b.csv");
        Map<String, Tensor> before = other.weights();
        IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
                () -> other.trainer.fit(TRAIN, VALIDATION, EPOCHS, BATCH + 1, other.rng));
        assertTrue(batch.getMessage().contains("batches of " + BATCH) && batch.getMessage().contains(other.backup.file().toString()),
                batch.getMessage());
        assertSameWeights(before, other.weights());

        IllegalArgumentException epochs = assertThrows(IllegalArgumentException.class,
                () -> new Run("c.csv").trainer.fit(TRAIN, VALIDATION, 1, BATCH, new Rng(77)));
        assertTrue(epochs.getMessage().contains("after epoch 2, but this fit runs 1 epochs"), epochs.getMessage());

        Run plain = new Run("d.csv");
        Trainer withoutAugmentation = plain.trainer.withAugmentation(null);
        IllegalArgumentException streams = assertThrows(IllegalArgumentException.class,
                () -> withoutAugmentation.fit(TRAIN, VALIDATION, EPOCHS, BATCH, plain.rng));
        assertTrue(streams.getMessage().contains("augmentation is off now but was on then"), streams.getMessage());
        Trainer withoutMixup = new Run("d2.csv").trainer.withMixup(null);
        IllegalArgumentException mixStreams = assertThrows(IllegalArgumentException.class,
                () -> withoutMixup.fit(TRAIN, VALIDATION, EPOCHS, BATCH, new Rng(77)));
        assertTrue(mixStreams.getMessage().contains("mixup is off now but was on then"), mixStreams.getMessage());

        Run fewer = new Run("e.csv");
        Trainer withoutPlateau = fewer.trainer.withCallbacks(fewer.early, fewer.backup);
        IllegalArgumentException callbacks = assertThrows(IllegalArgumentException.class,
                () -> withoutPlateau.fit(TRAIN, VALIDATION, EPOCHS, BATCH, fewer.rng));
        assertTrue(callbacks.getMessage().contains("1.ReduceLROnPlateau"), callbacks.getMessage());

        assertNotEquals(0, Files.exists(crashed.backup.file()) ? 1 : 0, "a refused backup is left in place");
    }
}
