package dev.temper.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.temper.autograd.Parameter;
import dev.temper.autograd.Selector;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adam's fused step ({@link GradientTransform#stepInPlace}, one pass from gradient to parameter) against the general
 * path (copy the gradient, transform it, then {@code p += scale * u}), which the optimizer takes whenever gradient
 * clipping is on: a clip norm no gradient reaches leaves the update unscaled, so both paths must give the same bits.
 * Parameters are large enough to be split across threads, and one has a learning-rate multiplier.
 */
class FusedStepTest {

    /** How an L2-like term {@code c * w} joins each gradient. */
    private enum Term { NONE, PENDING, WRITTEN_FIRST }

    private static Map<String, Tensor> run(Supplier<Optimizer> recipe, boolean general, boolean viewGradients) {
        return run(recipe, general, viewGradients, Term.NONE);
    }

    private static Map<String, Tensor> run(Supplier<Optimizer> recipe, boolean general, boolean viewGradients, Term term) {
        Rng rng = new Rng(3);
        Map<String, Parameter> params = new LinkedHashMap<>();
        params.put("dense_1.kernel", new Parameter("kernel", rng.normal(0f, 0.1f, 300, 257)));
        params.put("dense_1.bias", new Parameter("bias", rng.normal(0f, 0.1f, 257)));
        Optimizer optimizer = recipe.get().setLearningRateMultiplier(Selector.byPath("dense_1.bias"), 0.5);
        if (general) {
            optimizer.setGradientClipNorm(Double.MAX_VALUE);
        }
        Rng gradients = new Rng(4);
        for (int step = 0; step < 20; step++) {
            Optimizer.zeroGrad(params);
            for (Parameter p : params.values()) {
                Tensor g = gradients.normal(0f, 1f, p.value().dims());
                if (viewGradients && g.rank() == 2) {
                    // a transposed copy, viewed back: same values, strides of a view
                    g = g.transpose().contiguous().transpose();
                }
                if (term == Term.WRITTEN_FIRST) {
                    p.accumulateScaledGrad(2e-2, p.value());
                    p.grad(); // reading it writes the term into the gradient tensor now, before the rest
                }
                p.accumulateGrad(g);
                if (term == Term.PENDING) {
                    p.accumulateScaledGrad(2e-2, p.value()); // noted, added by the fused pass or on reading
                }
            }
            optimizer.step(params);
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, v.value()));
        return out;
    }

    @ParameterizedTest(name = "amsgrad {0}")
    @ValueSource(booleans = {false, true})
    void adamsFusedStepGivesTheBitsOfTheGeneralPath(boolean amsgrad) {
        Supplier<Optimizer> adam = () -> Adam.defaults().withLearningRate(0.01).withAmsgrad(amsgrad).build();
        Map<String, Tensor> fused = run(adam, false, false);
        Map<String, Tensor> general = run(adam, true, false);
        Map<String, Tensor> fromViews = run(adam, false, true);
        for (String path : fused.keySet()) {
            assertArrayEquals(general.get(path).toFloatArray(), fused.get(path).toFloatArray(), path);
            assertArrayEquals(general.get(path).toFloatArray(), fromViews.get(path).toFloatArray(), path + " (view gradients)");
        }
        assertEquals(false, fused.get("dense_1.kernel").contentEquals(Tensor.zeros(300, 257)));
    }

    @ParameterizedTest(name = "amsgrad {0}")
    @ValueSource(booleans = {false, true})
    void anL2TermAddedInTheFusedPassGivesTheBitsOfOneWrittenIntoTheGradient(boolean amsgrad) {
        Supplier<Optimizer> adam = () -> Adam.defaults().withLearningRate(0.01).withAmsgrad(amsgrad).build();
        Map<String, Tensor> fused = run(adam, false, false, Term.PENDING);
        Map<String, Tensor> general = run(adam, true, false, Term.PENDING);
        Map<String, Tensor> writtenFirst = run(adam, false, false, Term.WRITTEN_FIRST);
        Map<String, Tensor> fromViews = run(adam, false, true, Term.PENDING);
        Map<String, Tensor> without = run(adam, false, false, Term.NONE);
        for (String path : fused.keySet()) {
            assertArrayEquals(general.get(path).toFloatArray(), fused.get(path).toFloatArray(), path);
            assertArrayEquals(writtenFirst.get(path).toFloatArray(), fused.get(path).toFloatArray(), path + " (term first)");
            assertArrayEquals(general.get(path).toFloatArray(), fromViews.get(path).toFloatArray(), path + " (view gradients)");
            assertEquals(false, without.get(path).contentEquals(fused.get(path)), path + ": the term changes the step");
        }
    }
}
