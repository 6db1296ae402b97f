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
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Saving an optimizer's state after k steps, restoring it into a fresh optimizer of the same recipe and going
 * on gives bit-identical float32 parameters to a run that was never interrupted.
 */
class OptimizerStateTest {
    private static final int TOTAL = 12;
    private static final int SAVED_AT = 5;

    static Stream<Arguments> recipes() {
        Map<String, Supplier<Optimizer>> r = new LinkedHashMap<>();
        r.put("sgd", () -> new Sgd(0.05, 0, false).build());
        r.put("sgd nesterov, clipped", () -> new Sgd(0.05, 0.9, true).build().setGradientClipNorm(1.0));
        r.put("adagrad", () -> Adagrad.defaults().build());
        r.put("rmsprop centered momentum", () -> RmsProp.defaults().withCentered(true).withMomentum(0.9).build());
        r.put("adadelta", () -> Adadelta.defaults().build());
        r.put("adam amsgrad", () -> Adam.defaults().withAmsgrad(true).build());
        r.put("adamw, scheduled", () -> AdamW.defaults().build().setSchedule(OneCycle.defaults(0.01, TOTAL)));
        r.put("nadam", () -> Nadam.defaults().build());
        r.put("lion, multipliers", () -> Lion.defaults().withWeightDecay(0.1).build()
                .setLearningRateMultiplier(Selector.byPath("head.**"), 10));
        return r.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static Map<String, Parameter> parameters() {
        Map<String, Parameter> p = new LinkedHashMap<>();
        p.put("body.kernel", new Parameter("kernel", Tensor.of(new float[] {0.5f, -0.3f, 0.8f, 0.1f, -0.6f, 0.2f}, 3, 2)));
        p.put("body.bias", new Parameter("bias", Tensor.of(new float[] {0.05f, -0.02f}, 2)));
        p.put("head.kernel", new Parameter("kernel", Tensor.of(new float[] {0.7f, -0.4f}, 2, 1)));
        return p;
    }

    /** A gradient that depends on the step and the current value, as a real one would: 0.3 p + sin(t + i). */
    private static void step(Optimizer optimizer, Map<String, Parameter> params, int t) {
        Optimizer.zeroGrad(params);
        for (Parameter p : params.values()) {
            Tensor g = p.value().mul(0.3);
            for (int i = 0; i < g.size(); i++) {
                g.setFlat(i, g.getFlat(i) + Math.sin(t + i));
            }
            p.accumulateGrad(g);
        }
        optimizer.step(params);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipes")
    void restoredStateContinuesBitForBit(String name, Supplier<Optimizer> recipe) {
        Map<String, Parameter> straight = parameters();
        Optimizer uninterrupted = recipe.get();
        for (int t = 1; t <= TOTAL; t++) {
            step(uninterrupted, straight, t);
        }

        Map<String, Parameter> first = parameters();
        Optimizer before = recipe.get();
        for (int t = 1; t <= SAVED_AT; t++) {
            step(before, first, t);
        }
        OptimizerState saved = before.state();
        Map<String, Parameter> resumed = parameters();
        for (Map.Entry<String, Parameter> e : resumed.entrySet()) {
            e.getValue().value().copyFromInPlace(first.get(e.getKey()).value());
        }
        step(before, first, 99); // going on with the old optimizer must not reach the saved copy
        Optimizer after = recipe.get();
        after.restore(saved);
        assertEquals(SAVED_AT, after.steps());
        for (int t = SAVED_AT + 1; t <= TOTAL; t++) {
            step(after, resumed, t);
        }
        for (String path : straight.keySet()) {
            assertArrayEquals(straight.get(path).value().toFloatArray(), resumed.get(path).value().toFloatArray(),
                    name + " " + path);
        }
        assertTrue(saved.tensors().containsKey("body.kernel"));
    }

    @Test
    void stateOfAnotherRecipeIsRejectedAtTheFirstStepNamingTheParameter() {
        Map<String, Parameter> params = parameters();
        Optimizer sgd = new Sgd(0.05, 0.9, false).build();
        step(sgd, params, 1);
        Optimizer adam = Adam.defaults().build();
        adam.restore(sgd.state());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> step(adam, params, 2));
        assertTrue(e.getMessage().startsWith("Optimizer.restore: state of '"), e.getMessage());
        assertTrue(e.getMessage().contains("{momentum="), e.getMessage());
    }
}
