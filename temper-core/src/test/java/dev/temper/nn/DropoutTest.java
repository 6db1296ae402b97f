package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DropoutTest {
    private final Variable ones = Variable.constant(Tensor.ones(200, 500));

    @Test
    void inferenceIsTheIdentity() {
        assertSame(ones, new Dropout(0.5).forward(ones, ForwardContext.inference()));
    }

    @Test
    void trainingDropsAboutRateOfUnitsAndScalesTheRest() {
        Tensor out = new Dropout(0.2).forward(ones, ForwardContext.training(new Rng(1))).value();
        int zeros = 0;
        for (int i = 0; i < out.size(); i++) {
            double v = out.getFlat(i);
            if (v == 0) {
                zeros++;
            } else {
                assertEquals(1 / 0.8, v, 1e-6);
            }
        }
        double fraction = zeros / (double) out.size();
        assertEquals(0.2, fraction, 0.005, "fraction dropped"); // 100k draws: sd of the fraction is ~0.0013
        assertEquals(1.0, out.mean().item(), 0.01, "inverted dropout keeps the mean");
    }

    @Test
    void sameGeneratorStateGivesTheSameMask() {
        Tensor a = new Dropout(0.5).forward(ones, ForwardContext.training(new Rng(7))).value();
        Tensor b = new Dropout(0.5).forward(ones, ForwardContext.training(new Rng(7))).value();
        Tensor c = new Dropout(0.5).forward(ones, ForwardContext.training(new Rng(8))).value();
        assertTrue(a.contentEquals(b));
        assertTrue(!a.contentEquals(c));
    }

    @Test
    void rateIsTheProbabilityOfDroppingAndMustBeBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.0));
        assertEquals("Dropout: rate (probability of dropping) must be in [0, 1), got 1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dropout(-0.1));
    }

    @Test
    void trainingNeedsAGenerator() {
        assertThrows(IllegalArgumentException.class, () -> new ForwardContext(Mode.TRAIN, null));
    }
}
