package dev.temper.regularize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.GradCheck;
import dev.temper.autograd.Variable;
import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every penalty: gradient-checked in float64 ({@link GradCheck#DEFAULT}), and its value and gradient against the
 * closed forms on a hand-written tensor.
 */
class PenaltyTest {

    static Stream<Arguments> penalties() {
        return Stream.of(
                Arguments.of(new L1(0.3)),
                Arguments.of(new L2(0.7)),
                Arguments.of(new ElasticNet(0.3, 0.7)),
                Arguments.of(new L2(0.0)));
    }

    /** Normals pushed 0.1 away from 0, so no finite-difference step crosses L1's kink. */
    private static Tensor awayFromKink(long seed, int... shape) {
        Tensor t = new Rng(seed).normal(0f, 1f, shape).to(DType.FLOAT64);
        for (int i = 0; i < t.size(); i++) {
            double x = t.getFlat(i);
            t.setFlat(i, x + (x < 0 ? -0.1 : 0.1));
        }
        return t;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("penalties")
    void gradientMatchesFiniteDifferences(Penalty penalty) {
        for (int[] shape : new int[][] {{5}, {3, 4}, {2, 3, 2}}) {
            GradCheck.Result result = GradCheck.DEFAULT.check(v -> penalty.apply(v.get(0)), awayFromKink(7, shape));
            assertTrue(result.passed(), penalty + " " + java.util.Arrays.toString(shape) + ": " + result);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("penalties")
    void returnsAScalarInTheWeightsDtype(Penalty penalty) {
        for (DType dtype : DType.values()) {
            Variable p = penalty.apply(new Variable(Tensor.ones(dtype, 2, 3), true));
            assertEquals(0, p.shape().rank());
            assertEquals(dtype, p.value().dtype());
        }
    }

    /** w = [[1, -2], [0, 3]]: ||w||_1 = 6, ||w||_2^2 = 14, sign(w) = [[1, -1], [0, 1]]. */
    private static Variable handWeights() {
        return new Variable(Tensor.of(new double[] {1, -2, 0, 3}, 2, 2), true);
    }

    @Test
    void l1IsLambdaTimesSumOfAbsolutesWithSignGradientZeroAtZero() {
        Variable w = handWeights();
        Variable p = new L1(0.5).apply(w);
        p.backward();
        assertEquals(0.5 * 6, p.value().item(), 1e-15);
        assertArrayEquals(new double[] {0.5, -0.5, 0, 0.5}, w.grad().toDoubleArray(), 1e-15);
    }

    @Test
    void l2IsLambdaTimesSumOfSquaresWithGradientTwoLambdaW() {
        Variable w = handWeights();
        Variable p = new L2(0.5).apply(w);
        p.backward();
        assertEquals(0.5 * 14, p.value().item(), 1e-15);
        assertArrayEquals(new double[] {1, -2, 0, 3}, w.grad().toDoubleArray(), 1e-15); // 2 * 0.5 * w
    }

    @Test
    void elasticNetIsTheSumOfL1AndL2() {
        Variable w = handWeights();
        Variable p = new ElasticNet(0.25, 0.1).apply(w);
        p.backward();
        assertEquals(0.25 * 6 + 0.1 * 14, p.value().item(), 1e-14);
        // 0.25 * sign(w) + 2 * 0.1 * w
        assertArrayEquals(new double[] {0.45, -0.65, 0, 0.85}, w.grad().toDoubleArray(), 1e-14);
    }

    @Test
    void factoriesBuildTheRecords() {
        assertEquals(new L1(0.1), Penalty.l1(0.1));
        assertEquals(new L2(0.1), Penalty.l2(0.1));
        assertEquals(new ElasticNet(0.1, 0.2), Penalty.elasticNet(0.1, 0.2));
        assertTrue(new ElasticNet(0.1, 0.2).hasL2Part());
        assertTrue(!new ElasticNet(0.1, 0).hasL2Part() && !new L1(1).hasL2Part() && new L2(1).hasL2Part());
    }

    @Test
    void rejectsNegativeOrNonFiniteStrengthsNamingTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new L2(-0.1));
        assertEquals("L2: lambda must be finite and >= 0, got -0.1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ElasticNet(0.1, Double.NaN));
        assertEquals("ElasticNet: l2 must be finite and >= 0, got NaN", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new L1(Double.POSITIVE_INFINITY));
    }
}
