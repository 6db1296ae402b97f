package dev.temper.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keras's EarlyStopping rules (keras/src/callbacks/early_stopping.py, see {@link EarlyStopping}) applied by hand
 * to scripted val_loss sequences; each expected epoch is worked out in the comment beside it.
 */
class EarlyStoppingTest {

    private static int stopEpoch(EarlyStopping es, double... values) {
        ScriptedEpochs s = new ScriptedEpochs();
        s.run(es, values);
        return es.report().stoppedEpoch();
    }

    @Test
    void patienceCountsEpochsWithoutImprovement() {
        EarlyStopping es = EarlyStopping.defaults().withPatience(2);
        // e1 best 1.0; e2 best 0.9 (wait 0); e3 wait 1; e4 wait 2 >= 2: stop
        assertEquals(4, stopEpoch(es, 1.0, 0.9, 0.95, 0.96, 0.5));
        assertEquals(2, es.report().bestEpoch());
        assertEquals(0.9, es.report().bestValue());
        assertTrue(es.report().reason().contains("val_loss did not improve"), es.report().reason());
        // an improvement inside the window resets the count: e3 wait 1, e4 improves, e5 wait 1, e6 wait 2
        assertEquals(6, stopEpoch(EarlyStopping.defaults().withPatience(2), 1.0, 0.9, 0.95, 0.8, 0.85, 0.85, 0.1));
    }

    @Test
    void patienceZeroStopsAtTheFirstWorseEpochButNeverAfterTheFirst() {
        assertEquals(2, stopEpoch(EarlyStopping.defaults(), 1.0, 1.0, 0.5));
        assertEquals(0, stopEpoch(EarlyStopping.defaults(), 1.0));
        assertEquals(0, stopEpoch(EarlyStopping.defaults(), 3.0, 2.0, 1.0));
    }

    @Test
    void minDeltaMustBeExceeded() {
        // 0.95 + 0.1 < 1.0 is false: no improvement, wait 1 >= 1 at e2
        assertEquals(2, stopEpoch(EarlyStopping.defaults().withPatience(1).withMinDelta(0.1), 1.0, 0.95, 0.5));
        // 0.89 + 0.1 < 1.0: improvement; e3 0.85 + 0.1 < 0.89 false: stop at e3
        assertEquals(3, stopEpoch(EarlyStopping.defaults().withPatience(1).withMinDelta(0.1), 1.0, 0.89, 0.85, 0.1));
        // Keras uses abs(min_delta)
        assertEquals(2, stopEpoch(EarlyStopping.defaults().withPatience(1).withMinDelta(-0.1), 1.0, 0.95, 0.5));
    }

    @Test
    void baselineMustBeBeatenWithinPatience() {
        EarlyStopping es = EarlyStopping.defaults().withPatience(2).withBaseline(0.5);
        // e1 first value (best) but not below 0.5: wait 1; e2 improves on best, not on baseline: wait 2, no check
        // (Keras returns after an improvement); e3 no improvement, wait 3 >= 2: stop
        assertEquals(3, stopEpoch(es, 1.0, 0.9, 0.95, 0.1));
        assertTrue(es.report().reason().contains("did not beat baseline 0.5"), es.report().reason());
        assertEquals(2, es.report().bestEpoch());
        // beating the baseline resets the count like any improvement: e1 wait 0, e2 wait 1, e3 wait 2: stop
        EarlyStopping beaten = EarlyStopping.defaults().withPatience(2).withBaseline(0.5);
        assertEquals(3, stopEpoch(beaten, 0.4, 0.45, 0.46, 0.1));
        assertTrue(beaten.report().reason().contains("did not improve"), beaten.report().reason());
    }

    @Test
    void startFromEpochIgnoresTheWarmUp() {
        // epochs 1 and 2 (Keras indices 0, 1 < 2) are not counted: e3 is the first best (2.0), e4 worse: stop
        EarlyStopping es = EarlyStopping.defaults().withStartFromEpoch(2);
        assertEquals(4, stopEpoch(es, 5.0, 1.0, 2.0, 3.0, 0.1));
        assertEquals(3, es.report().bestEpoch());
        assertEquals(2.0, es.report().bestValue());
        // without the warm-up, e3 (2.0 after 1.0) already stops the run
        assertEquals(3, stopEpoch(EarlyStopping.defaults(), 5.0, 1.0, 2.0, 3.0, 0.1));
    }

    @Test
    void modeDecidesTheDirection() {
        // MAX on a loss: a decrease is no improvement
        assertEquals(2, stopEpoch(EarlyStopping.defaults().withMode(MonitorMode.MAX), 1.0, 0.5, 2.0));
        // MIN on the same values: 0.5 improves, 2.0 does not
        assertEquals(3, stopEpoch(EarlyStopping.defaults().withMode(MonitorMode.MIN), 1.0, 0.5, 2.0));
        // AUTO on val_accuracy maximizes: 0.5 after 1.0 is worse
        assertEquals(2, stopEpoch(EarlyStopping.monitoring("val_accuracy"), 1.0, 0.5, 2.0));
        // AUTO on a metric key (val_macro_f1, the same values here) maximizes too
        assertEquals(2, stopEpoch(EarlyStopping.monitoring("val_macro_f1"), 1.0, 0.5, 2.0));
    }

    @Test
    void autoModeResolvesByName() {
        for (String max : new String[] {"accuracy", "val_accuracy", "top_5_accuracy", "binary_accuracy", "val_roc_auc",
                "r2", "val_macro_f1", "micro_precision", "recall", "auc"}) {
            assertEquals(MonitorMode.MAX, Monitor.of(max, MonitorMode.AUTO).mode(), max);
        }
        for (String min : new String[] {"loss", "val_loss", "total_loss", "mae", "val_rmse", "penalty_l2"}) {
            assertEquals(MonitorMode.MIN, Monitor.of(min, MonitorMode.AUTO).mode(), min);
        }
        assertEquals(MonitorMode.MIN, Monitor.of("val_accuracy", MonitorMode.MIN).mode());
    }

    @Test
    void divergenceStopsOnNonFiniteOrTooLargeValues() {
        EarlyStopping es = EarlyStopping.defaults().withPatience(10).withDivergenceThreshold(10.0);
        assertEquals(2, stopEpoch(es, 1.0, Double.NaN, 0.5));
        assertTrue(es.report().reason().contains("diverged at epoch 2"), es.report().reason());
        assertEquals(3, stopEpoch(EarlyStopping.defaults().withPatience(10).withDivergenceThreshold(10.0), 1.0, 9.0, 11.0, 0.5));
        assertEquals(2, stopEpoch(EarlyStopping.defaults().withPatience(10)
                .withDivergenceThreshold(Double.POSITIVE_INFINITY), 1.0, Double.POSITIVE_INFINITY, 0.5));
        // without the guard a NaN is just no improvement
        assertEquals(0, stopEpoch(EarlyStopping.defaults().withPatience(10), 1.0, Double.NaN, 0.5));
    }

    @Test
    void timeLimitStopsAfterTheEpochThatExceedsIt() {
        // any epoch takes longer than a nanosecond: the first one ends the run (no speed is measured here)
        EarlyStopping es = EarlyStopping.defaults().withPatience(10).withTimeLimitSeconds(1e-9);
        assertEquals(1, stopEpoch(es, 3.0, 2.0, 1.0));
        assertTrue(es.report().reason().startsWith("EarlyStopping: time limit of 1.0E-9 s reached after epoch 1"),
                es.report().reason());
        assertEquals(0, stopEpoch(EarlyStopping.defaults().withPatience(10).withTimeLimitSeconds(3600), 3.0, 2.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.defaults().withTimeLimitSeconds(0));
    }

    @Test
    void stateExportAndRestoreContinueTheCount() {
        double[] values = {1.0, 0.9, 0.95, 0.97, 0.99, 0.5};
        int whole = stopEpoch(EarlyStopping.defaults().withPatience(3), values); // e3, e4, e5 wait 1..3: stop at 5
        assertEquals(5, whole);

        EarlyStopping first = EarlyStopping.defaults().withPatience(3);
        stopEpoch(first, 1.0, 0.9, 0.95);
        Map<String, Double> state = first.state();
        assertEquals(Map.of("has_best", 1.0, "best", 0.9, "best_epoch", 2.0, "wait", 1.0, "stopped_epoch", 0.0), state);

        EarlyStopping resumed = EarlyStopping.defaults().withPatience(3);
        resumed.restore(state);
        ScriptedEpochs s = new ScriptedEpochs();
        resumed.onTrainBegin(s.control);
        int epoch = 3;
        for (double v : new double[] {0.97, 0.99, 0.5}) {
            epoch++;
            resumed.onEpochEnd(ScriptedEpochs.record(epoch, v, v), s.control);
            if (s.control.stopRequested()) {
                break;
            }
        }
        assertEquals(whole, resumed.report().stoppedEpoch());
        assertEquals(2, resumed.report().bestEpoch());
        assertThrows(IllegalArgumentException.class, () -> resumed.restore(Map.of("best", 1.0)));
    }

    @Test
    void theCallbackStateOfACheckpointResumesPatienceTheStopReasonAndBestWeights() {
        // patience 2: e1 1.0 best, e2 1.1 wait 1, e3 1.2 wait 2 -> stop at 3; interrupted after e2
        EarlyStopping first = EarlyStopping.defaults().withPatience(2).withRestoreBestWeights(true);
        ScriptedEpochs s = new ScriptedEpochs();
        first.onTrainBegin(s.control);
        first.onEpochEnd(ScriptedEpochs.record(1, 1.0, 0), s.control);
        java.util.Map<String, dev.temper.tensor.Tensor> bestWeights = s.control.snapshotWeights();
        s.model.namedParameters().values().forEach(p -> p.value().fillInPlace(7.0)); // training moves on
        first.onEpochEnd(ScriptedEpochs.record(2, 1.1, 0), s.control);
        CallbackState state = first.exportState();
        assertEquals(1.0, state.number("test", "wait"));
        assertTrue(state.number("test", "elapsed_seconds") >= 0);
        assertEquals(bestWeights.keySet(), state.tensors().keySet());

        EarlyStopping resumed = EarlyStopping.defaults().withPatience(2).withRestoreBestWeights(true);
        resumed.restoreState(state);
        ScriptedEpochs later = new ScriptedEpochs();
        resumed.onTrainBegin(later.control);
        resumed.onEpochEnd(ScriptedEpochs.record(3, 1.2, 0), later.control);
        assertTrue(later.control.stopRequested(), "the wait counted before the interruption still counts");
        assertEquals(3, resumed.report().stoppedEpoch());
        assertEquals(1, resumed.report().bestEpoch());
        resumed.onTrainEnd(new History(), later.control);
        bestWeights.forEach((path, t) -> assertTrue(t.contentEquals(later.control.snapshotWeights().get(path)), path));

        // a run that had already stopped keeps its reason in the report after a resume
        EarlyStopping again = EarlyStopping.defaults().withPatience(2);
        again.restoreState(resumed.exportState());
        again.onTrainBegin(later.control);
        assertEquals(resumed.report().reason(), again.report().reason());
        assertEquals(3, again.report().stoppedEpoch());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> again.restoreState(CallbackState.ofNumbers(first.state())));
        assertTrue(e.getMessage().contains("elapsed_seconds"), e.getMessage());
    }

    @Test
    void badArgumentsAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EarlyStopping.defaults().withPatience(-1));
        assertTrue(e.getMessage().contains("patience") && e.getMessage().contains("-1"), e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> stopEpoch(EarlyStopping.monitoring("val_los"), 1.0));
        assertTrue(unknown.getMessage().contains("'val_los'") && unknown.getMessage().contains("val_loss"), unknown.getMessage());
    }

    @Test
    void reportWithoutAStop() {
        EarlyStopping es = EarlyStopping.defaults().withPatience(5);
        assertEquals(0, stopEpoch(es, 3.0, 2.0, 1.0));
        EarlyStoppingReport r = es.report();
        assertFalse(r.stopped());
        assertEquals("", r.reason());
        assertEquals(3, r.bestEpoch());
        assertEquals(1.0, r.bestValue());
        assertFalse(r.weightsRestored());
    }
}
