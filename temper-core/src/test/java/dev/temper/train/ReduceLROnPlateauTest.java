package dev.temper.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Keras's ReduceLROnPlateau rules (see {@link ReduceLROnPlateau}) applied by hand to scripted val_loss values;
 * the rate after each epoch is read back from a real optimizer.
 */
class ReduceLROnPlateauTest {

    /** The optimizer's rate after each of the epochs whose val_loss is {@code values}. */
    private static double[] rates(ReduceLROnPlateau callback, double startRate, double... values) {
        ScriptedEpochs s = new ScriptedEpochs(startRate);
        callback.onTrainBegin(s.control);
        double[] out = new double[values.length];
        for (int e = 0; e < values.length; e++) {
            callback.onEpochEnd(ScriptedEpochs.record(e + 1, values[e], values[e]), s.control);
            out[e] = s.optimizer.learningRate();
        }
        return out;
    }

    @Test
    void factorAppliesAfterPatienceEpochsWithoutImprovement() {
        ReduceLROnPlateau r = ReduceLROnPlateau.defaults().withFactor(0.5).withPatience(2);
        // e1 improves on +inf; e2 wait 1; e3 wait 2: rate * 0.5, wait 0; e4 wait 1; e5 wait 2: * 0.5
        assertArrayEquals(new double[] {1, 1, 0.5, 0.5, 0.25}, rates(r, 1.0, 1, 1, 1, 1, 1), 0.0);
    }

    @Test
    void cooldownPausesTheCount() {
        ReduceLROnPlateau r = ReduceLROnPlateau.defaults().withFactor(0.5).withPatience(1).withCooldown(2);
        // e2 reduces and starts a cooldown of 2; e3 (counter 1) and e4 (counter 0, then counts: wait 1) -> reduce
        assertArrayEquals(new double[] {1, 0.5, 0.5, 0.25, 0.25, 0.125}, rates(r, 1.0, 1, 1, 1, 1, 1, 1), 0.0);
    }

    @Test
    void minLearningRateIsAFloor() {
        ReduceLROnPlateau r = ReduceLROnPlateau.defaults().withPatience(1).withMinLearningRate(0.05);
        // 1 -> 0.1 -> max(0.01, 0.05) = 0.05 -> unchanged (0.05 is not above float32(0.05))
        double[] got = rates(r, 1.0, 1, 1, 1, 1);
        assertEquals(1.0, got[0]);
        assertEquals(0.1, got[1], 1e-15);
        assertEquals(0.05, got[2], 0.0);
        assertEquals(0.05, got[3], 0.0);
    }

    @Test
    void minDeltaDefaultIsOneInTenThousand() {
        ReduceLROnPlateau r = ReduceLROnPlateau.defaults().withFactor(0.5).withPatience(1);
        // 0.99995 < 1.0 - 1e-4 is false: no improvement, reduce at e2
        assertArrayEquals(new double[] {1, 0.5}, rates(r, 1.0, 1.0, 0.99995), 0.0);
        // 0.9998 < 0.9999: an improvement, no reduction
        assertArrayEquals(new double[] {1, 1}, rates(r, 1.0, 1.0, 0.9998), 0.0);
    }

    @Test
    void maxModeWatchesAccuracy() {
        ReduceLROnPlateau r = ReduceLROnPlateau.monitoring("val_accuracy").withFactor(0.5).withPatience(1);
        // rising accuracy improves; the drop at e3 reduces
        assertArrayEquals(new double[] {1, 1, 0.5}, rates(r, 1.0, 0.5, 0.6, 0.55), 0.0);
    }

    @Test
    void stateRoundTripsAndArgumentsAreChecked() {
        ReduceLROnPlateau r = ReduceLROnPlateau.defaults().withPatience(3);
        rates(r, 1.0, 2.0, 3.0);
        assertEquals(2.0, r.state().get("best"));
        assertEquals(1.0, r.state().get("wait"));
        ReduceLROnPlateau copy = ReduceLROnPlateau.defaults().withPatience(3);
        copy.restore(r.state());
        ScriptedEpochs s = new ScriptedEpochs(1.0);
        copy.onTrainBegin(s.control); // a restored state survives the start of the next fit
        assertEquals(r.state(), copy.state());
        assertThrows(IllegalArgumentException.class, () -> ReduceLROnPlateau.defaults().withFactor(1.0));
        assertThrows(IllegalArgumentException.class, () -> ReduceLROnPlateau.defaults().withCooldown(-1));
    }
}
