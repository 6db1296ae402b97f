package dev.temper.regularize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.temper.autograd.Parameter;
import dev.temper.autograd.Selector;
import dev.temper.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProximalL1Test {

    @Test
    void softThresholdingShrinksByTheThresholdAndZeroesSmallWeightsExactly() {
        Tensor w = Tensor.of(new double[] {0.5, -0.5, 0.05, -0.1, 0.0, 0.1}, 6);
        // threshold 0.1: sign(w) * max(|w| - 0.1, 0)
        double[] expected = {0.4, -0.4, 0.0, 0.0, 0.0, 0.0};
        double[] actual = ProximalL1.softThreshold(w, 0.1).toDoubleArray();
        assertArrayEquals(expected, actual, 1e-15);
        for (int i = 2; i < 6; i++) {
            assertEquals(0L, Double.doubleToRawLongBits(actual[i]) & Long.MAX_VALUE, "exact zero at " + i);
        }
    }

    @Test
    void thresholdIsLearningRateTimesLambdaOnSelectedParametersOnly() {
        Map<String, Parameter> p = new LinkedHashMap<>();
        p.put("dense.kernel", new Parameter("kernel", Tensor.of(new float[] {1f, -0.25f, 0.1f, -2f}, 2, 2)));
        p.put("dense.bias", new Parameter("bias", Tensor.of(new float[] {0.1f, -0.1f}, 2)));
        ProximalL1 prox = ProximalL1.ofWeights(2.0);
        assertEquals(2.0 * (1 + 0.25 + 0.1 + 2), prox.penalty(p), 1e-6); // lambda * ||kernel||_1
        assertEquals(Map.of(ProximalL1.TERM, prox.penalty(p)), prox.penaltyTerms(p));
        prox.apply(p, 0.1); // threshold 0.2
        assertArrayEquals(new double[] {0.8, -0.05, 0, -1.8}, p.get("dense.kernel").value().toDoubleArray(), 1e-6);
        assertArrayEquals(new double[] {0.1, -0.1}, p.get("dense.bias").value().toDoubleArray(), 1e-7);
        assertEquals(0.25, Sparsity.fractionZero(p, Selector.weights()), 0.0);
    }

    @Test
    void sparsityCountsExactZerosOfSelectedParameters() {
        Map<String, Parameter> p = new LinkedHashMap<>();
        p.put("a.kernel", new Parameter("kernel", Tensor.of(new double[] {0, 1e-30, 0, 2}, 2, 2)));
        p.put("a.bias", new Parameter("bias", Tensor.of(new double[] {0, 0}, 2)));
        assertEquals(0.5, Sparsity.fractionZero(p, Selector.weights()), 0.0);
        assertEquals(4.0 / 6, Sparsity.fractionZero(p, Selector.all()), 0.0);
        assertEquals(Double.NaN, Sparsity.fractionZero(p, Selector.none()));
    }

    @Test
    void rejectsNegativeLambdaAndLearningRate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProximalL1.ofWeights(-1));
        assertEquals("ProximalL1: lambda must be finite and >= 0, got -1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProximalL1.ofWeights(1).apply(Map.of(), -0.1));
    }
}
