package dev.temper.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.data.Dataset;
import dev.temper.loss.SoftmaxCrossEntropyLoss;
import dev.temper.nn.Dense;
import dev.temper.nn.Dropout;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.optim.Adam;
import dev.temper.optim.Optimizer;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TrainingControl#stopNow}, as {@link TerminateOnNaN} uses it: the epoch ends after that batch (no further
 * optimizer step), its record covers the batches trained and says where it was cut short, and no checkpoint is taken
 * of the half epoch, so the last backup is the epoch before and resuming from it ends exactly as the stopped run did.
 */
class StopNowTest {
    private static final int BATCH = 32; // 256 examples: 8 steps per epoch
    private static final Dataset TRAIN = TrainerTest.blobs(256, 1);
    private static final Dataset VALIDATION = TrainerTest.blobs(64, 2);

    @TempDir
    Path dir;

    /** Stops at once after step {@code step}; records every batch loss, epoch record and checkpoint it sees. */
    private static final class StopAt implements Callback {
        final long step;
        final List<Double> batchLosses = new ArrayList<>();
        final List<EpochRecord> ended = new ArrayList<>();
        final List<Integer> checkpointed = new ArrayList<>();

        StopAt(long step) {
            this.step = step;
        }

        @Override
        public void onBatchEnd(int epoch, long stepNumber, double batchLoss, TrainingControl control) {
            batchLosses.add(batchLoss);
            if (stepNumber == step) {
                control.stopNow("stopped at step " + step);
            }
        }

        @Override
        public void onEpochEnd(EpochRecord record, TrainingControl control) {
            ended.add(record);
        }

        @Override
        public void onCheckpoint(int epoch, TrainingControl control) {
            checkpointed.add(epoch);
        }
    }

    /** One process's worth of objects, built afresh from the seed. */
    private static final class Run {
        final Rng rng = new Rng(31);
        final Sequential model = new Sequential(new Dense(20, 16, rng), new ReLU(), new Dropout(0.2), new Dense(16, 3, rng));
        final Optimizer optimizer = Adam.defaults().build();
        final StopAt stop;
        final Trainer trainer;

        Run(long stopStep, Callback... more) {
            stop = new StopAt(stopStep);
            List<Callback> all = new ArrayList<>(List.of(more));
            all.add(stop);
            trainer = new Trainer(model, new SoftmaxCrossEntropyLoss(), optimizer).withCallbacks(all.toArray(new Callback[0]));
        }

        History fit() {
            return trainer.fit(TRAIN, VALIDATION, 5, BATCH, rng);
        }

        Map<String, Tensor> weights() {
            return new TrainingControl(model, optimizer).snapshotWeights();
        }
    }

    @Test
    void theEpochEndsAfterThatBatchAndItsRecordSaysWhere() {
        Run run = new Run(8 + 3); // the third batch of epoch 2
        History h = run.fit();
        assertEquals(2, h.epochs().size());
        assertFalse(h.epochs().get(0).cutShort());
        EpochRecord cut = h.last();
        assertTrue(cut.cutShort());
        assertEquals(11, cut.cutShortAtStep());
        assertEquals(11, run.optimizer.steps(), "no optimizer step after the stop");
        assertEquals(11, run.stop.batchLosses.size());
        // the record's training loss is the mean of the three batches trained (all of 32 examples)
        List<Double> epochTwo = run.stop.batchLosses.subList(8, 11);
        assertEquals(epochTwo.stream().mapToDouble(Double::doubleValue).sum() / 3, cut.trainLoss(), 1e-12);
        assertFalse(Double.isNaN(cut.validationLoss()), "the validation set is still evaluated");
        assertEquals(List.of(h.epochs().get(0), cut), run.stop.ended, "onEpochEnd sees the cut epoch too");
        assertEquals(List.of(1), run.stop.checkpointed, "no checkpoint of the half epoch");
        assertEquals("stopped at step 11", h.stopReason());
    }

    @Test
    void aStopAtAnEpochsLastBatchIsAnOrdinaryStopAfterIt() {
        Run run = new Run(8);
        History h = run.fit();
        assertEquals(1, h.epochs().size());
        assertFalse(h.last().cutShort(), "nothing of the epoch was left to cut");
        assertEquals(List.of(1), run.stop.checkpointed);
        assertTrue(h.stoppedEarly());
    }

    @Test
    void theBackupIsTheLastWholeEpochAndResumingFromItEndsAsTheStoppedRunDid() {
        Run whole = new Run(8 * 2 + 5, new BackupAndRestore(dir.resolve("a")).withDeleteOnCompletion(false));
        History expected = whole.fit();
        assertEquals(3, expected.last().epoch());
        assertEquals(21, expected.last().cutShortAtStep());
        TrainingCheckpoint kept = CheckpointFile.read(dir.resolve("a").resolve(BackupAndRestore.FILE_NAME));
        assertEquals(2, kept.epoch(), "the backup holds whole epochs only");
        assertEquals("", kept.stopReason());

        // a crash after the stop (before the end) leaves that backup; the resumed run trains epoch 3 again and stops
        // at the same step with the same weights
        Run resumed = new Run(8 * 2 + 5, new BackupAndRestore(dir.resolve("a")).withDeleteOnCompletion(false));
        History again = resumed.fit();
        assertEquals(withoutSeconds(expected), withoutSeconds(again));
        assertEquals(expected.stopReason(), again.stopReason());
        Map<String, Tensor> w = whole.weights();
        Map<String, Tensor> r = resumed.weights();
        for (String path : w.keySet()) {
            assertTrue(w.get(path).contentEquals(r.get(path)), path);
        }
    }

    @Test
    void aCheckpointRefusesTheRecordOfAnEpochCutShort() {
        Run run = new Run(100, new BackupAndRestore(dir.resolve("b")).withDeleteOnCompletion(false));
        run.fit();
        TrainingCheckpoint c = CheckpointFile.read(dir.resolve("b").resolve(BackupAndRestore.FILE_NAME));
        List<EpochRecord> history = new ArrayList<>(c.history());
        EpochRecord last = history.remove(history.size() - 1);
        history.add(new EpochRecord(last.epoch(), last.trainLoss(), last.trainPenalty(), last.trainAccuracy(),
                last.validationLoss(), last.validationAccuracy(), last.seconds(), last.penaltyTerms(), last.metrics(), 37));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrainingCheckpoint(c.epoch(),
                c.step(), c.batchSize(), c.trainExamples(), history, c.stopReason(), c.weights(), c.optimizerState(),
                c.learningRate(), c.scheduled(), c.streams(), c.callbacks(), c.metadata()));
        assertTrue(e.getMessage().contains("cut short at step 37; a checkpoint holds whole epochs only"), e.getMessage());
        assertTrue(Files.exists(dir.resolve("b").resolve(BackupAndRestore.FILE_NAME)));
    }

    private static List<EpochRecord> withoutSeconds(History h) {
        return h.epochs().stream().map(r -> new EpochRecord(r.epoch(), r.trainLoss(), r.trainPenalty(), r.trainAccuracy(),
                r.validationLoss(), r.validationAccuracy(), 0.0, r.penaltyTerms(), r.metrics(), r.cutShortAtStep())).toList();
    }
}
