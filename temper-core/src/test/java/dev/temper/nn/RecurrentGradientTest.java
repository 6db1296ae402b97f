package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.GradCheck;
import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Backpropagation through time of {@link SimpleRnn}, {@link Lstm} and {@link Gru} against central finite
 * differences ({@link GradCheck#DEFAULT}, float64), with respect to the input sequence and every weight, over four
 * time steps, for both the whole-sequence and the last-step output. Weights are scaled to keep the gates away from
 * saturation, where finite differences lose precision.
 */
class RecurrentGradientTest {
    private static final int BATCH = 2;
    private static final int TIME = 4;
    private static final int FEATURES = 3;
    private static final int UNITS = 2;

    private static Tensor normal(Rng rng, double std, int... shape) {
        return rng.normal(0f, (float) std, shape).to(DType.FLOAT64);
    }

    private static void assertPasses(GradCheck.Result r, String name, int elements) {
        assertTrue(r.passed(), name + ": " + r);
        assertEquals(elements, r.checkedElements(), name + ": every element of every input is checked");
    }

    @ParameterizedTest(name = "returnSequences={0}")
    @ValueSource(booleans = {true, false})
    void simpleRnnGradientMatchesFiniteDifferences(boolean returnSequences) {
        Rng rng = new Rng(11L);
        Tensor x = normal(rng, 1.0, BATCH, TIME, FEATURES);
        Tensor kernel = normal(rng, 0.5, FEATURES, UNITS);
        Tensor recurrent = normal(rng, 0.5, UNITS, UNITS);
        Tensor bias = normal(rng, 0.1, UNITS);
        GradCheck.Result r = GradCheck.DEFAULT.check(
                v -> SimpleRnn.run(v.get(0), v.get(1), v.get(2), v.get(3), returnSequences), x, kernel, recurrent, bias);
        assertPasses(r, "SimpleRnn", x.size() + kernel.size() + recurrent.size() + bias.size());
    }

    @ParameterizedTest(name = "returnSequences={0}")
    @ValueSource(booleans = {true, false})
    void lstmGradientMatchesFiniteDifferences(boolean returnSequences) {
        Rng rng = new Rng(12L);
        Tensor x = normal(rng, 1.0, BATCH, TIME, FEATURES);
        Tensor kernel = normal(rng, 0.5, FEATURES, 4 * UNITS);
        Tensor recurrent = normal(rng, 0.5, UNITS, 4 * UNITS);
        Tensor bias = normal(rng, 0.1, 4 * UNITS);
        GradCheck.Result r = GradCheck.DEFAULT.check(
                v -> Lstm.run(v.get(0), v.get(1), v.get(2), v.get(3), returnSequences), x, kernel, recurrent, bias);
        assertPasses(r, "Lstm", x.size() + kernel.size() + recurrent.size() + bias.size());
    }

    @ParameterizedTest(name = "returnSequences={0}")
    @ValueSource(booleans = {true, false})
    void gruGradientMatchesFiniteDifferences(boolean returnSequences) {
        Rng rng = new Rng(13L);
        Tensor x = normal(rng, 1.0, BATCH, TIME, FEATURES);
        Tensor kernel = normal(rng, 0.5, FEATURES, 3 * UNITS);
        Tensor recurrent = normal(rng, 0.5, UNITS, 3 * UNITS);
        Tensor bias = normal(rng, 0.1, 3 * UNITS);
        Tensor recurrentBias = normal(rng, 0.1, 3 * UNITS);
        GradCheck.Result r = GradCheck.DEFAULT.check(
                v -> Gru.run(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), returnSequences),
                x, kernel, recurrent, bias, recurrentBias);
        assertPasses(r, "Gru", x.size() + kernel.size() + recurrent.size() + bias.size() + recurrentBias.size());
    }
}
