package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MonteCarloDropoutTest {
    private final Tensor inputs = new Rng(1).normal(0f, 1f, 5, 4);

    private static Sequential model(boolean withDropout) {
        Rng rng = new Rng(2);
        return withDropout
                ? new Sequential(new Dense(4, 16, rng), new BatchNormalization(16), new ReLU(), new Dropout(0.5), new Dense(16, 3, rng))
                : new Sequential(new Dense(4, 16, rng), new BatchNormalization(16), new ReLU(), new Dense(16, 3, rng));
    }

    @Test
    void dropoutGivesASpreadWhoseMeanIsTheInferenceOutput() {
        Sequential model = model(true);
        int passes = 1000;
        MonteCarloDropout.Prediction p = MonteCarloDropout.predict(model, inputs, passes, new Rng(3));
        Tensor inference = model.forward(Variable.constant(inputs), ForwardContext.inference()).value();
        assertEquals(inference.shape(), p.mean().shape());
        for (int i = 0; i < inference.size(); i++) {
            double sd = p.standardDeviation().getFlat(i);
            assertTrue(sd > 1e-3, "element " + i + " has spread " + sd);
            // inverted dropout followed by a linear layer: the expected output is the inference output;
            // the mean of 1000 passes is within 5 standard errors of it
            assertEquals(inference.getFlat(i), p.mean().getFlat(i), 5 * sd / Math.sqrt(passes) + 1e-6, "element " + i);
        }
    }

    @Test
    void withoutDropoutLayersThereIsNoSpread() {
        Sequential model = model(false);
        MonteCarloDropout.Prediction p = MonteCarloDropout.predict(model, inputs, 10, new Rng(3));
        for (int i = 0; i < p.standardDeviation().size(); i++) {
            assertEquals(0.0, p.standardDeviation().getFlat(i), 0.0, "element " + i);
        }
        assertTrue(p.mean().contentEquals(model.forward(Variable.constant(inputs), ForwardContext.inference()).value()));
    }

    @Test
    void batchNormalizationStaysInInference() {
        Sequential model = model(true);
        BatchNormalization norm = (BatchNormalization) model.layers().get(1);
        Tensor before = norm.runningMean().copy();
        MonteCarloDropout.predict(model, inputs, 5, new Rng(3));
        assertTrue(before.contentEquals(norm.runningMean()), "running statistics untouched");
    }

    @Test
    void sameSeedSamePrediction() {
        Sequential model = model(true);
        MonteCarloDropout.Prediction a = MonteCarloDropout.predict(model, inputs, 7, new Rng(4));
        MonteCarloDropout.Prediction b = MonteCarloDropout.predict(model, inputs, 7, new Rng(4));
        assertTrue(a.mean().contentEquals(b.mean()));
        assertTrue(a.standardDeviation().contentEquals(b.standardDeviation()));
    }

    @Test
    void plainInferenceStaysDeterministic() {
        Sequential model = model(true);
        Tensor a = model.forward(Variable.constant(inputs), ForwardContext.inference()).value();
        Tensor b = model.forward(Variable.constant(inputs), ForwardContext.inference()).value();
        assertTrue(a.contentEquals(b));
        assertFalse(ForwardContext.inference().dropoutActive());
        assertTrue(ForwardContext.monteCarlo(new Rng(1)).dropoutActive());
        assertFalse(ForwardContext.monteCarlo(new Rng(1)).training(), "Monte Carlo passes are not training");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ForwardContext(Mode.MONTE_CARLO, null));
        assertEquals("a MONTE_CARLO forward pass needs a generator (rng), got null", e.getMessage());
    }

    @Test
    void needsAtLeastTwoPasses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MonteCarloDropout.predict(model(true), inputs, 1, new Rng(1)));
        assertEquals("MonteCarloDropout.predict: passes must be >= 2 to estimate a spread, got 1", e.getMessage());
    }
}
