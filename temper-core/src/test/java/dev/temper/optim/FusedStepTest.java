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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adam's fused step ({@link GradientTransform#inPlaceStep}, one pass from gradient to parameter) against the general
 * path (copy the gradient, transform it, then {@code p += scale * u}), which the optimizer takes whenever gradient
 * clipping is on: a clip norm no gradient reaches leaves the update unscaled, so both paths must give the same bits.
 * Parameters are large enough to be split across threads, and one has a learning-rate multiplier. The fused
 * steps of all parameters run as one parallel loop ({@link FusedSteps}).
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

    /** Steps {@code paths} (several may name one parameter) 20 times; returns each distinct parameter's value. */
    private static Map<String, Tensor> stepMany(String[] paths, int[] sizes, boolean general) {
        Rng rng = new Rng(5);
        Map<String, Parameter> params = new LinkedHashMap<>();
        Map<Integer, Parameter> distinct = new LinkedHashMap<>();
        for (int i = 0; i < paths.length; i++) {
            int size = sizes[i];
            Parameter p = distinct.computeIfAbsent(size, n -> new Parameter("p" + n, rng.normal(0f, 0.1f, n)));
            params.put(paths[i], p);
        }
        Optimizer optimizer = Adam.defaults().withLearningRate(0.01).build();
        if (general) {
            optimizer.setGradientClipNorm(Double.MAX_VALUE);
        }
        Rng gradients = new Rng(6);
        for (int step = 0; step < 20; step++) {
            Optimizer.zeroGrad(params);
            for (Parameter p : distinct.values()) {
                p.accumulateGrad(gradients.normal(0f, 1f, p.value().dims()));
            }
            optimizer.step(params);
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        distinct.forEach((n, p) -> out.put("size " + n, p.value()));
        return out;
    }

    @Test
    void parametersOfManySizesInOneLoopGiveTheBitsOfTheGeneralPath() {
        // chunks of 32,768: 70,000 takes three (the last short), 32,768 exactly one, the rest less than one
        String[] paths = {"a", "b", "c", "d", "e"};
        int[] sizes = {70_000, 1, 32_768, 0, 5};
        Map<String, Tensor> fused = stepMany(paths, sizes, false);
        Map<String, Tensor> general = stepMany(paths, sizes, true);
        for (String key : fused.keySet()) {
            assertArrayEquals(general.get(key).toFloatArray(), fused.get(key).toFloatArray(), key);
        }
    }

    @Test
    void aParameterUnderTwoPathsIsSteppedTwiceOneAfterTheOther() {
        // the general path steps "a" then "a2" (each with its own moments): the fused loops must not run side by side
        String[] paths = {"a", "b", "a2"};
        int[] sizes = {100_000, 7, 100_000};
        Map<String, Tensor> fused = stepMany(paths, sizes, false);
        Map<String, Tensor> general = stepMany(paths, sizes, true);
        for (String key : fused.keySet()) {
            assertArrayEquals(general.get(key).toFloatArray(), fused.get(key).toFloatArray(), key);
        }
        Map<String, Tensor> once = stepMany(new String[] {"a", "b"}, new int[] {100_000, 7}, false);
        assertEquals(false, once.get("size 100000").contentEquals(fused.get("size 100000")), "two paths step it twice");
    }
}
