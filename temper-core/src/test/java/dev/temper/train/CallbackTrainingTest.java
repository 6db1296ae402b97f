package dev.temper.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Parameter;
import dev.temper.data.Dataset;
import dev.temper.loss.MeanSquaredError;
import dev.temper.loss.SoftmaxCrossEntropyLoss;
import dev.temper.nn.BatchNormalization;
import dev.temper.nn.Dense;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.optim.Optimizer;
import dev.temper.optim.Sgd;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Callbacks inside real {@link Trainer#fit} runs on {@link TrainerTest#blobs}. */
class CallbackTrainingTest {

    private static Sequential model(Rng rng) {
        return new Sequential(new Dense(20, 16, rng), new BatchNormalization(16), new ReLU(), new Dense(16, 3, rng));
    }

    /** Copies every epoch's weights (parameters and buffers) as they stand at the end of the epoch. */
    private static final class WeightsByEpoch implements Callback {
        final Map<Integer, Map<String, Tensor>> weights = new HashMap<>();

        @Override
        public void onEpochEnd(EpochRecord record, TrainingControl control) {
            weights.put(record.epoch(), control.snapshotWeights());
        }
    }

    private static boolean sameWeights(Map<String, Tensor> expected, Sequential model) {
        Map<String, Tensor> now = new TrainingControl(model, new Sgd(0.1, 0, false).build()).snapshotWeights();
        assertEquals(expected.keySet(), now.keySet());
        for (String path : expected.keySet()) {
            if (!expected.get(path).contentEquals(now.get(path))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void restoreBestWeightsLoadsExactlyTheBestEpochsParametersAndBuffers() {
        Rng rng = new Rng(21);
        Sequential model = model(rng);
        // validation accuracy saturates at 1.0 within a few epochs, after which it cannot improve (min_delta 0):
        // the best epoch is the first at 1.0 and the run stops two epochs later with different weights
        EarlyStopping early = EarlyStopping.monitoring("val_accuracy").withPatience(2).withRestoreBestWeights(true);
        WeightsByEpoch seen = new WeightsByEpoch();
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropyLoss(), new Sgd(0.02, 0, false).build())
                .withCallbacks(seen, early);
        Dataset validation = TrainerTest.blobs(100, 2);
        History h = trainer.fit(TrainerTest.blobs(200, 1), validation, 40, 16, rng);
        EarlyStoppingReport report = early.report();
        assertTrue(h.stoppedEarly(), "expected an early stop, history " + h.toCsv());
        assertEquals(report.reason(), h.stopReason());
        assertEquals(report.stoppedEpoch(), h.last().epoch());
        assertEquals(report.bestEpoch() + 2, report.stoppedEpoch());
        double bestSeen = Double.NEGATIVE_INFINITY;
        for (EpochRecord r : h.epochs()) {
            bestSeen = Math.max(bestSeen, r.validationAccuracy());
        }
        assertEquals(bestSeen, report.bestValue());
        assertEquals(bestSeen, h.epochs().get(report.bestEpoch() - 1).validationAccuracy());
        assertTrue(report.weightsRestored());
        assertFalse(model.namedBuffers().isEmpty());
        assertTrue(sameWeights(seen.weights.get(report.bestEpoch()), model));
        assertFalse(sameWeights(seen.weights.get(report.stoppedEpoch()), model));
        assertTrue(sameWeights(early.bestWeights(), model));
        // the restored model scores exactly what the best epoch scored (the trainer evaluates in batches of 256)
        assertEquals(h.epochs().get(report.bestEpoch() - 1).validationLoss(), trainer.evaluate(validation, 256).loss(), 0.0);
    }

    @Test
    void terminateOnNaNStopsADivergingRunAndNamesTheStep() {
        Rng rng = new Rng(4);
        Dataset blobs = TrainerTest.blobs(256, 3);
        // regression on the class index with a huge rate: the weights grow by orders of magnitude each step
        Dataset data = new Dataset(blobs.features(), blobs.targets().reshape(256, 1));
        Sequential model = new Sequential(new Dense(20, 1, rng));
        TerminateOnNaN nan = new TerminateOnNaN();
        Optimizer sgd = new Sgd(1e3, 0, false).build();
        Trainer trainer = new Trainer(model, new MeanSquaredError(), sgd).withCallbacks(nan);
        History h = trainer.fit(data, null, 20, 32, rng);
        assertTrue(h.stoppedEarly());
        assertEquals(1, h.epochs().size(), h.stopReason());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("TerminateOnNaN: (batch loss became (NaN|Infinity)|"
                + "parameter 'dense_1\\.(kernel|bias)' became non-finite) at step (\\d+) \\(epoch 1\\)").matcher(h.stopReason());
        assertTrue(m.matches(), h.stopReason());
        assertEquals(nan.reason(), h.stopReason());
        // Keras's semantics: training stops at the bad batch, not after the epoch (8 steps)
        long step = Long.parseLong(m.group(4));
        assertTrue(step < 8, "the scenario needs the blow-up before the epoch's last batch, got step " + step);
        assertEquals(step, h.last().cutShortAtStep());
        assertEquals(step, sgd.steps(), "no optimizer step after the bad one");
    }

    @Test
    void terminateOnNaNStopsAtTheBatchWhoseLossIsNaN() {
        Rng rng = new Rng(6);
        Dataset blobs = TrainerTest.blobs(256, 3);
        Tensor x = blobs.features().copy();
        x.set(Double.NaN, 77, 4); // one bad example: the loss of the batch it lands in is NaN
        TerminateOnNaN nan = new TerminateOnNaN(false);
        List<Double> losses = new ArrayList<>();
        Callback watch = new Callback() {
            @Override
            public void onBatchEnd(int epoch, long step, double batchLoss, TrainingControl control) {
                losses.add(batchLoss);
            }
        };
        Optimizer sgd = new Sgd(0.1, 0, false).build();
        History h = new Trainer(model(rng), new SoftmaxCrossEntropyLoss(), sgd).withCallbacks(watch, nan)
                .fit(new Dataset(x, blobs.targets()), TrainerTest.blobs(64, 2), 5, 32, rng);
        int bad = losses.indexOf(Double.NaN) + 1;
        assertTrue(bad >= 1 && bad < 8, "the scenario needs the bad example before epoch 1's last batch, got step " + bad);
        assertEquals(bad, losses.size(), "no batch after the bad one: " + losses);
        assertEquals(bad, sgd.steps());
        assertEquals(1, h.epochs().size());
        assertEquals(bad, h.last().cutShortAtStep());
        assertTrue(Double.isNaN(h.last().trainLoss()), "the cut epoch's loss includes the bad batch's");
        assertEquals("TerminateOnNaN: batch loss became NaN at step " + bad + " (epoch 1)", h.stopReason());
    }

    @Test
    void terminateOnNaNNamesTheLossOrTheFirstBadParameter() {
        ScriptedEpochs s = new ScriptedEpochs();
        TerminateOnNaN nan = new TerminateOnNaN();
        nan.onTrainBegin(s.control);
        nan.onBatchEnd(1, 6, 0.5, s.control);
        assertFalse(s.control.stopRequested());
        nan.onBatchEnd(1, 7, Double.NaN, s.control);
        assertEquals("TerminateOnNaN: batch loss became NaN at step 7 (epoch 1)", s.control.stopReason());
        assertTrue(s.control.stopsNow(), "at this batch, not after the epoch");

        ScriptedEpochs t = new ScriptedEpochs();
        Parameter bias = t.model.namedParameters().get("dense_1.bias");
        bias.value().set(Double.POSITIVE_INFINITY, 0);
        nan.onTrainBegin(t.control);
        nan.onBatchEnd(2, 9, 0.5, t.control);
        assertEquals("TerminateOnNaN: parameter 'dense_1.bias' became non-finite at step 9 (epoch 2)", t.control.stopReason());
    }

    @Test
    void csvLoggerWritesTheHistoryRowsAsTheyCome(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("log.csv");
        Files.writeString(file, "stale\n");
        Rng rng = new Rng(8);
        Trainer trainer = new Trainer(model(rng), new SoftmaxCrossEntropyLoss(), new Sgd(0.1, 0, false).build())
                .withCallbacks(new CsvLogger(file));
        History h = trainer.fit(TrainerTest.blobs(64, 1), TrainerTest.blobs(32, 2), 3, 16, rng);
        assertEquals(h.toCsv(), Files.readString(file));

        // appending: a second run's rows follow, without a second header
        Trainer appending = trainer.withCallbacks(new CsvLogger(file, true));
        History h2 = appending.fit(TrainerTest.blobs(64, 1), TrainerTest.blobs(32, 2), 2, 16, rng);
        List<String> lines = Files.readAllLines(file);
        assertEquals(1 + 3 + 2, lines.size());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("epoch,")).count());
        String[] second = h2.toCsv().split("\n");
        assertEquals(second[2], lines.get(5));
    }

    @Test
    void learningRateSchedulerSetsTheRateOfEachEpoch() {
        Rng rng = new Rng(2);
        List<Double> ratesSeen = new ArrayList<>();
        Callback probe = new Callback() {
            @Override
            public void onEpochEnd(EpochRecord record, TrainingControl control) {
                ratesSeen.add(control.learningRate());
            }
        };
        Trainer trainer = new Trainer(model(rng), new SoftmaxCrossEntropyLoss(), new Sgd(0.1, 0, false).build())
                .withCallbacks(new LearningRateScheduler(epoch -> 0.1 / epoch), probe);
        trainer.fit(TrainerTest.blobs(32, 1), null, 3, 16, rng);
        assertEquals(List.of(0.1, 0.05, 0.1 / 3), ratesSeen);

        Trainer bad = trainer.withCallbacks(new LearningRateScheduler(epoch -> -1.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bad.fit(TrainerTest.blobs(32, 1), null, 1, 16, rng));
        assertTrue(e.getMessage().contains("-1.0") && e.getMessage().contains("epoch 1"), e.getMessage());
    }

    @Test
    void aStopEndsTheRunAfterItsEpochAndEveryHookRunsInOrder() {
        Rng rng = new Rng(5);
        List<String> calls = new ArrayList<>();
        Callback stopper = new Callback() {
            @Override
            public void onTrainBegin(TrainingControl control) {
                calls.add("begin");
            }

            @Override
            public void onEpochBegin(int epoch, TrainingControl control) {
                calls.add("epoch " + epoch);
            }

            @Override
            public void onBatchEnd(int epoch, long step, double batchLoss, TrainingControl control) {
                calls.add("step " + step);
                if (step == 5) {
                    control.stop("enough at step 5");
                    control.stop("a later reason is ignored");
                }
            }

            @Override
            public void onEpochEnd(EpochRecord record, TrainingControl control) {
                calls.add("end " + record.epoch());
            }

            @Override
            public void onTrainEnd(History history, TrainingControl control) {
                calls.add("train end " + history.epochs().size());
            }
        };
        List<Integer> listened = new ArrayList<>();
        Trainer trainer = new Trainer(model(rng), new SoftmaxCrossEntropyLoss(), new Sgd(0.1, 0, false).build())
                .withCallbacks(stopper);
        // 48 examples in batches of 16: 3 steps per epoch, so step 5 falls in epoch 2, which still completes
        History h = trainer.fit(TrainerTest.blobs(48, 1), null, 10, 16, rng, r -> listened.add(r.epoch()));
        assertEquals(List.of("begin", "epoch 1", "step 1", "step 2", "step 3", "end 1",
                "epoch 2", "step 4", "step 5", "step 6", "end 2", "train end 2"), calls);
        assertEquals(List.of(1, 2), listened);
        assertEquals("enough at step 5", h.stopReason());
        assertTrue(h.stoppedEarly());
    }

    @Test
    void callbacksThatOnlyWatchLeaveTheRunBitIdentical() {
        Map<String, Tensor> plain = runWith();
        Map<String, Tensor> watched = runWith(new TerminateOnNaN(), EarlyStopping.defaults().withPatience(100),
                new WeightsByEpoch());
        for (String path : plain.keySet()) {
            assertTrue(plain.get(path).contentEquals(watched.get(path)), path);
        }
    }

    private static Map<String, Tensor> runWith(Callback... callbacks) {
        Rng rng = new Rng(13);
        Sequential model = model(rng);
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropyLoss(), new Sgd(0.1, 0, false).build())
                .withCallbacks(callbacks);
        History h = trainer.fit(TrainerTest.blobs(64, 1), TrainerTest.blobs(32, 2), 3, 16, rng);
        assertFalse(h.stoppedEarly());
        assertEquals("", h.stopReason());
        return new TrainingControl(model, new Sgd(0.1, 0, false).build()).snapshotWeights();
    }
}
