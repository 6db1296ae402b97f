package dev.temper.optim;

import static dev.temper.fixtures.Fixtures.assertClose;

import dev.temper.autograd.Linear;
import dev.temper.autograd.Parameter;
import dev.temper.autograd.Selector;
import dev.temper.autograd.Variable;
import dev.temper.fixtures.Fixtures;
import dev.temper.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer, in float64, follows the 25-step trajectories computed independently by
 * {@code src/test/fixtures/optimizers.py} (numpy, each rule from its paper / PyTorch's documented algorithm), on a
 * quadratic and on a tiny MLP, to 1e-5 relative at every step. The problems' constants are the script's.
 */
class OptimizerTrajectoryTest {
    private static final int STEPS = 25;
    private static final Map<String, double[]> REFERENCE = Fixtures.load("optimizers.txt");

    private static final double[][] A = {{3.0, 0.5, 0.2}, {0.5, 2.0, 0.3}, {0.2, 0.3, 1.0}};
    private static final double[] B = {1.0, -2.0, 0.5};
    private static final double[] X0 = {1.0, 1.0, -1.0};

    private static final Tensor XS = Tensor.of(new double[] {0.5, -1.0, 1.0, 0.5, -0.5, 0.8, -1.0, -0.3}, 4, 2);
    private static final Tensor TS = Tensor.of(new double[] {0.3, -0.2, 0.7, 0.1}, 4, 1);

    /** Builds the case's optimizer; the argument says whether decay applies to every parameter (quadratic). */
    private static Map<String, Function<Selector, Optimizer>> cases() {
        Map<String, Function<Selector, Optimizer>> c = new LinkedHashMap<>();
        c.put("sgd", s -> new Sgd(0.1, 0, false).build());
        c.put("sgd_momentum", s -> new Sgd(0.1, 0.9, false).build());
        c.put("sgd_nesterov", s -> new Sgd(0.1, 0.9, true).build());
        c.put("adagrad", s -> Adagrad.defaults().withLearningRate(0.1).build());
        c.put("rmsprop", s -> RmsProp.defaults().build());
        c.put("rmsprop_centered_momentum", s -> RmsProp.defaults().withCentered(true).withMomentum(0.5).build());
        c.put("adadelta", s -> Adadelta.defaults().build());
        c.put("adam", s -> Adam.defaults().withLearningRate(0.05).build());
        c.put("adam_amsgrad", s -> Adam.defaults().withLearningRate(0.05).withAmsgrad(true).build());
        c.put("adamw", s -> AdamW.defaults().withLearningRate(0.05).withWeightDecay(0.1).withDecayed(s).build());
        c.put("nadam", s -> Nadam.defaults().withLearningRate(0.05).build());
        c.put("lion", s -> Lion.defaults().withLearningRate(0.01).withWeightDecay(0.1).withDecayed(s).build());
        c.put("sgd_clip_norm", s -> new Sgd(0.1, 0, false).build().setGradientClipNorm(0.5));
        c.put("sgd_clip_value", s -> new Optimizer(new ClipByValue(0.1), 0.1));
        c.put("sgd_multipliers", s -> new Sgd(0.1, 0, false).build()
                .setLearningRateMultiplier(Selector.byPath("hidden.*"), 0.5)
                .setLearningRateMultiplier(Selector.byPath("output.*"), 2.0));
        return c;
    }

    static Stream<Arguments> quadraticCases() {
        return cases().keySet().stream().filter(k -> !k.equals("sgd_multipliers")).map(Arguments::of);
    }

    static Stream<Arguments> mlpCases() {
        return cases().keySet().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quadraticCases")
    void followsTheReferenceTrajectoryOnAQuadratic(String name) {
        Optimizer optimizer = cases().get(name).apply(Selector.all());
        Parameter x = new Parameter("x", Tensor.of(X0.clone(), 3));
        Map<String, Parameter> params = Map.of("x", x);
        check(name + "/quadratic/0", x.value().toDoubleArray());
        for (int t = 1; t <= STEPS; t++) {
            Optimizer.zeroGrad(params);
            double[] p = x.value().toDoubleArray();
            double[] g = new double[3];
            for (int i = 0; i < 3; i++) {
                g[i] = -B[i];
                for (int j = 0; j < 3; j++) {
                    g[i] += A[i][j] * p[j];
                }
            }
            x.accumulateGrad(Tensor.of(g, 3));
            optimizer.step(params);
            check(name + "/quadratic/" + t, x.value().toDoubleArray());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mlpCases")
    void followsTheReferenceTrajectoryOnATinyMlp(String name) {
        Optimizer optimizer = cases().get(name).apply(Selector.weights());
        Map<String, Parameter> params = new LinkedHashMap<>();
        params.put("hidden.weight", new Parameter("weight",
                Tensor.of(new double[] {0.4, -0.6, 0.2, 0.3, 0.5, -0.7}, 2, 3)));
        params.put("hidden.bias", new Parameter("bias", Tensor.of(new double[] {0.1, -0.1, 0.05}, 3)));
        params.put("output.weight", new Parameter("weight", Tensor.of(new double[] {0.6, -0.4, 0.3}, 3, 1)));
        params.put("output.bias", new Parameter("bias", Tensor.of(new double[] {0.02}, 1)));
        check(name + "/mlp/0", flatten(params));
        for (int t = 1; t <= STEPS; t++) {
            Optimizer.zeroGrad(params);
            Variable hidden = Linear.apply(Variable.constant(XS), params.get("hidden.weight"),
                    params.get("hidden.bias")).tanh();
            Variable out = Linear.apply(hidden, params.get("output.weight"), params.get("output.bias"));
            out.sub(Variable.constant(TS)).square().mean().backward();
            optimizer.step(params);
            check(name + "/mlp/" + t, flatten(params));
        }
    }

    private static double[] flatten(Map<String, Parameter> params) {
        return params.values().stream().flatMapToDouble(p -> Arrays.stream(p.value().toDoubleArray()))
                .toArray();
    }

    private static void check(String key, double[] actual) {
        double[] expected = REFERENCE.get(key);
        if (expected == null) {
            throw new AssertionError("no reference for " + key + "; rerun src/test/fixtures/optimizers.py");
        }
        assertClose(expected, actual, 1e-5, key);
    }
}
