package dev.temper.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.temper.autograd.Selector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each recipe and option rejects a bad argument with a message naming it and the value. */
class RecipeArgumentsTest {

    private static void rejects(String message, Executable construction) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, construction).getMessage());
    }

    @Test
    void badHyperparametersAreNamedWithTheirValue() {
        rejects("learningRate must be > 0, got 0.0", () -> new Adagrad(0, 0, 1e-10));
        rejects("initialAccumulatorValue must be >= 0, got -1.0", () -> new Adagrad(0.1, -1, 1e-10));
        rejects("alpha must be in [0, 1), got 1.0", () -> new RmsProp(0.01, 1.0, 1e-8, false, 0));
        rejects("momentum must be in [0, 1), got -0.5", () -> new RmsProp(0.01, 0.99, 1e-8, false, -0.5));
        rejects("rho must be in [0, 1), got 1.5", () -> new Adadelta(1.0, 1.5, 1e-6));
        rejects("epsilon must be > 0, got 0.0", () -> new Adam(1e-3, 0.9, 0.999, 0, true));
        rejects("weightDecay must be >= 0, got -0.01",
                () -> new AdamW(1e-3, 0.9, 0.999, 1e-8, -0.01, false, Selector.weights()));
        rejects("momentumDecay must be >= 0, got -1.0", () -> new Nadam(2e-3, 0.9, 0.999, 1e-8, -1));
        rejects("beta2 must be in [0, 1), got 1.0", () -> new Lion(1e-4, 0.9, 1.0, 0, Selector.weights()));
        rejects("maxValue must be > 0, got 0.0", () -> new ClipByValue(0));
    }

    @Test
    void badOptimizerOptionsAreNamedWithTheirValue() {
        Optimizer o = Sgd.defaults().build();
        rejects("gradient clip norm must be > 0, got -1.0", () -> o.setGradientClipNorm(-1));
        rejects("learning-rate multiplier must be >= 0, got NaN",
                () -> o.setLearningRateMultiplier(Selector.all(), Double.NaN));
        rejects("learningRate must be >= 0 and finite, got -0.1", () -> o.setLearningRate(-0.1));
    }

    @Test
    void defaultsAreThoseTheJavadocStates() {
        assertEquals(new AdamW(1e-3, 0.9, 0.999, 1e-8, 0.01, false, AdamW.defaults().decayed()), AdamW.defaults());
        assertEquals(new Lion(1e-4, 0.9, 0.99, 0.0, Lion.defaults().decayed()), Lion.defaults());
        assertEquals(new Nadam(2e-3, 0.9, 0.999, 1e-8, 4e-3), Nadam.defaults());
        assertEquals(new RmsProp(0.01, 0.99, 1e-8, false, 0.0), RmsProp.defaults());
        assertEquals(new Adadelta(1.0, 0.9, 1e-6), Adadelta.defaults());
        assertEquals(new Adagrad(0.01, 0.0, 1e-10), Adagrad.defaults());
    }
}
