package dev.temper.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Parameter;
import dev.temper.autograd.Selector;
import dev.temper.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The theory in {@link AddDecayedWeights}'s Javadoc: for SGD an L2 penalty {@code lambda ||w||^2} in the loss and
 * decoupled decay {@code 2 lambda} are the same update; for Adam they are not (Loshchilov and Hutter 2019).
 */
class WeightDecayTest {
    private static final double LAMBDA = 0.05;
    private static final double[][] A = {{3.0, 0.5, 0.2}, {0.5, 2.0, 0.3}, {0.2, 0.3, 1.0}};
    private static final double[] B = {1.0, -2.0, 0.5};

    /**
     * 30 steps on the quadratic 0.5 x^T A x - b^T x (float64); with {@code l2Penalty} the test itself adds the
     * penalty's gradient {@code 2 lambda x} to the gradient.
     */
    private static double[] run(Optimizer optimizer, boolean l2Penalty) {
        Parameter x = new Parameter("x", Tensor.of(new double[] {1.0, 1.0, -1.0}, 3));
        Map<String, Parameter> params = Map.of("x", x);
        for (int t = 0; t < 30; t++) {
            Optimizer.zeroGrad(params);
            double[] p = x.value().toDoubleArray();
            double[] g = new double[3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    g[i] += A[i][j] * p[j];
                }
                g[i] -= B[i];
                if (l2Penalty) {
                    g[i] += 2 * LAMBDA * p[i];
                }
            }
            x.accumulateGrad(Tensor.of(g, 3));
            optimizer.step(params);
        }
        return x.value().toDoubleArray();
    }

    @Test
    void forSgdAnL2PenaltyEqualsDecoupledDecayOfTwiceLambda() {
        double[] penalty = run(new Sgd(0.1, 0, false).build(), true);
        double[] decoupled = run(new Optimizer(new AddDecayedWeights(2 * LAMBDA, Selector.all()), 0.1), false);
        assertArrayEquals(penalty, decoupled, 1e-15);
    }

    @Test
    void forAdamAnL2PenaltyAndDecoupledDecayDiverge() {
        double[] penalty = run(Adam.defaults().withLearningRate(0.05).build(), true);
        // the penalty's gradient is what AddDecayedWeights adds when it comes before the adaptive scaling
        double[] coupled = run(new Optimizer(new Chain(new AddDecayedWeights(2 * LAMBDA, Selector.all()),
                new ScaleByAdam(0.9, 0.999, 1e-8)), 0.05), false);
        double[] adamW = run(AdamW.defaults().withLearningRate(0.05).withWeightDecay(2 * LAMBDA)
                .withDecayed(Selector.all()).build(), false);
        assertArrayEquals(penalty, coupled, 1e-12);
        double gap = 0;
        for (int i = 0; i < 3; i++) {
            gap = Math.max(gap, Math.abs(penalty[i] - adamW[i]));
        }
        assertTrue(gap > 1e-3, "Adam + L2 and AdamW should differ after 30 steps, max gap " + gap);
    }

    @Test
    void byDefaultOnlyWeightMatricesDecay() {
        Map<String, Parameter> params = new LinkedHashMap<>();
        params.put("dense.kernel", new Parameter("kernel", Tensor.of(new double[] {1.0, -2.0, 0.5, 4.0}, 2, 2)));
        params.put("dense.bias", new Parameter("bias", Tensor.of(new double[] {1.0, -1.0}, 2)));
        for (Parameter p : params.values()) {
            p.accumulateGrad(Tensor.zerosLike(p.value())); // zero gradient: Adam's update is 0, only decay moves
        }
        double lr = 0.1;
        double wd = 0.5;
        AdamW.defaults().withLearningRate(lr).withWeightDecay(wd).build().step(params);
        assertArrayEquals(new double[] {1.0 * (1 - lr * wd), -2.0 * (1 - lr * wd), 0.5 * (1 - lr * wd),
                4.0 * (1 - lr * wd)}, params.get("dense.kernel").value().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {1.0, -1.0}, params.get("dense.bias").value().toDoubleArray(), 0);
    }

    @Test
    void anySelectorCanChooseTheDecayedParameters() {
        Map<String, Parameter> params = new LinkedHashMap<>();
        params.put("backbone.kernel", new Parameter("kernel", Tensor.of(new double[] {1.0, 2.0}, 1, 2)));
        params.put("head.kernel", new Parameter("kernel", Tensor.of(new double[] {1.0, 2.0}, 1, 2)));
        for (Parameter p : params.values()) {
            p.accumulateGrad(Tensor.zerosLike(p.value()));
        }
        new Optimizer(new AddDecayedWeights(1.0, Selector.byPath("head.**")), 0.5).step(params);
        assertArrayEquals(new double[] {1.0, 2.0}, params.get("backbone.kernel").value().toDoubleArray(), 0);
        assertArrayEquals(new double[] {0.5, 1.0}, params.get("head.kernel").value().toDoubleArray(), 0);
    }

    @Test
    void negativeDecayIsRejectedWithItsValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AddDecayedWeights(-1));
        assertEquals("weightDecay must be >= 0, got -1.0", e.getMessage());
    }
}
