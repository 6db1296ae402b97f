package dev.temper.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.tensor.DType;
import dev.temper.tensor.Tensor;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * First steps of each optimizer worked by hand from its update rule (the expected values are computed in the
 * test from the formulas in double precision), plus convergence on a quadratic.
 */
class OptimizerTest {
    private static final double[] START = {1.0, -2.0, 0.5};
    private static final double[] G1 = {0.5, -1.0, 2.0};
    private static final double[] G2 = {-0.25, 0.75, 1.0};

    /** Runs two steps with gradients G1 then G2 (float64 parameter, so expectations are exact to ~1e-15). */
    private static double[] twoSteps(Optimizer optimizer) {
        Parameter p = new Parameter("w", Tensor.of(START.clone(), 3));
        Map<String, Parameter> params = Map.of("w", p);
        for (double[] g : new double[][] {G1, G2}) {
            Optimizer.zeroGrad(params);
            p.mul(Variable.constant(Tensor.of(g, 3))).sum().backward(); // d/dp sum(p * g) = g
            optimizer.step(params);
        }
        return p.value().toDoubleArray();
    }

    private static double[] expected(Function<Integer, Double> f) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = f.apply(i);
        }
        return out;
    }

    @Test
    void sgdSubtractsLearningRateTimesGradient() {
        double lr = 0.1;
        double[] got = twoSteps(new Sgd(lr, 0, false).build());
        assertArrayEquals(expected(i -> START[i] - lr * G1[i] - lr * G2[i]), got, 1e-12);
    }

    @Test
    void sgdMomentumAccumulatesABufferAsInPyTorch() {
        double lr = 0.1;
        double mu = 0.9;
        double[] got = twoSteps(new Sgd(lr, mu, false).build());
        // buf1 = g1; p1 = p0 - lr*buf1; buf2 = mu*buf1 + g2; p2 = p1 - lr*buf2
        assertArrayEquals(expected(i -> START[i] - lr * G1[i] - lr * (mu * G1[i] + G2[i])), got, 1e-12);
    }

    @Test
    void nesterovLooksAheadAlongTheBuffer() {
        double lr = 0.1;
        double mu = 0.9;
        double[] got = twoSteps(new Sgd(lr, mu, true).build());
        // update_t = g_t + mu * buf_t with buf_t = mu * buf_{t-1} + g_t
        assertArrayEquals(expected(i -> {
            double buf1 = G1[i];
            double buf2 = mu * buf1 + G2[i];
            return START[i] - lr * (G1[i] + mu * buf1) - lr * (G2[i] + mu * buf2);
        }), got, 1e-12);
    }

    @Test
    void adamMatchesAlgorithmOneOfThePaper() {
        double lr = 0.01;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double[] got = twoSteps(new Adam(lr, b1, b2, eps).build());
        assertArrayEquals(expected(i -> {
            double p = START[i];
            double m = 0;
            double v = 0;
            double[] gs = {G1[i], G2[i]};
            for (int t = 1; t <= 2; t++) {
                double g = gs[t - 1];
                m = b1 * m + (1 - b1) * g;
                v = b2 * v + (1 - b2) * g * g;
                double mHat = m / (1 - Math.pow(b1, t));
                double vHat = v / (1 - Math.pow(b2, t));
                p -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
            return p;
        }), got, 1e-12);
    }

    @Test
    void adamFirstStepMovesEachWeightByAboutTheLearningRate() {
        double lr = 0.01;
        Parameter p = new Parameter("w", Tensor.of(START.clone(), 3));
        p.mul(Variable.constant(Tensor.of(G1, 3))).sum().backward();
        Adam.defaults().withLearningRate(lr).build().step(Map.of("w", p));
        for (int i = 0; i < 3; i++) {
            assertEquals(-lr * Math.signum(G1[i]), p.value().getFlat(i) - START[i], 1e-9);
        }
    }

    @Test
    void float32AdamAgreesWithTheFloat64Path() {
        Parameter p32 = new Parameter("w", Tensor.of(START.clone(), 3).to(DType.FLOAT32));
        Parameter p64 = new Parameter("w", Tensor.of(START.clone(), 3));
        Optimizer o32 = Adam.defaults().build();
        Optimizer o64 = Adam.defaults().build();
        for (double[] g : new double[][] {G1, G2, G1}) {
            for (Parameter p : new Parameter[] {p32, p64}) {
                p.zeroGrad();
                p.mul(Variable.constant(Tensor.of(g, 3).to(p.value().dtype()))).sum().backward();
            }
            o32.step(Map.of("w", p32));
            o64.step(Map.of("w", p64));
        }
        assertArrayEquals(p64.value().toDoubleArray(), p32.value().toDoubleArray(), 1e-6);
    }

    /** f(p) = sum((p - c)^2): every optimizer should get close to c. */
    private static double distanceAfter(Optimizer optimizer, int steps) {
        Tensor target = Tensor.of(new float[] {3f, -1f, 0.5f, 2f}, 4);
        Parameter p = new Parameter("w", Tensor.zeros(4));
        Map<String, Parameter> params = Map.of("w", p);
        for (int s = 0; s < steps; s++) {
            Optimizer.zeroGrad(params);
            p.sub(Variable.constant(target)).square().sum().backward();
            optimizer.step(params);
        }
        return Math.sqrt(p.value().sub(target).square().sum().item());
    }

    @Test
    void everyOptimizerMinimizesAQuadratic() {
        assertTrue(distanceAfter(new Sgd(0.1, 0, false).build(), 200) < 1e-4);
        assertTrue(distanceAfter(new Sgd(0.05, 0.9, false).build(), 400) < 1e-3);
        assertTrue(distanceAfter(new Sgd(0.05, 0.9, true).build(), 400) < 1e-3);
        assertTrue(distanceAfter(Adam.defaults().withLearningRate(0.05).build(), 2000) < 1e-2);
    }

    @Test
    void parametersWithoutGradientsAreLeftAlone() {
        Parameter p = new Parameter("w", Tensor.of(START.clone(), 3));
        Optimizer o = Adam.defaults().build();
        o.step(Map.of("w", p));
        assertArrayEquals(START, p.value().toDoubleArray(), 0);
        assertNull(p.grad());
        assertEquals(1, o.steps());
    }

    @Test
    void invalidHyperparametersAreRejectedWithTheirNameAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adam(-0.1, 0.9, 0.999, 1e-8));
        assertEquals("learningRate must be > 0, got -0.1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, 1.0, false));
        assertEquals("momentum must be in [0, 1), got 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 0.9, 1.0, 1e-8));
        assertEquals("beta2 must be in [0, 1), got 1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, 0, true));
    }
}
