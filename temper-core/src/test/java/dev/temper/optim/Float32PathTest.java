package dev.temper.optim;

import static dev.temper.fixtures.Fixtures.assertClose;

import dev.temper.autograd.Parameter;
import dev.temper.autograd.Selector;
import dev.temper.tensor.DType;
import dev.temper.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float32 loops (the training path) agree with the float64 ones, which {@link OptimizerTrajectoryTest} checks
 * against the numpy reference: 25 steps on a quadratic, to float32 rounding.
 */
class Float32PathTest {
    private static final double[][] A = {{3.0, 0.5, 0.2}, {0.5, 2.0, 0.3}, {0.2, 0.3, 1.0}};
    private static final double[] B = {1.0, -2.0, 0.5};

    static Stream<Arguments> recipes() {
        Map<String, Supplier<Optimizer>> r = new LinkedHashMap<>();
        r.put("sgd momentum", () -> new Sgd(0.1, 0.9, false).build());
        r.put("sgd nesterov", () -> new Sgd(0.1, 0.9, true).build());
        r.put("adagrad", () -> Adagrad.defaults().withLearningRate(0.1).build());
        r.put("rmsprop", () -> RmsProp.defaults().build());
        r.put("rmsprop centered momentum", () -> RmsProp.defaults().withCentered(true).withMomentum(0.5).build());
        r.put("adadelta", () -> Adadelta.defaults().build());
        r.put("adam", () -> Adam.defaults().withLearningRate(0.05).build());
        r.put("adam amsgrad", () -> Adam.defaults().withLearningRate(0.05).withAmsgrad(true).build());
        r.put("adamw", () -> AdamW.defaults().withLearningRate(0.05).withWeightDecay(0.1)
                .withDecayed(Selector.all()).build());
        r.put("nadam", () -> Nadam.defaults().withLearningRate(0.05).build());
        r.put("lion", () -> Lion.defaults().withLearningRate(0.01).withWeightDecay(0.1)
                .withDecayed(Selector.all()).build());
        r.put("clipped", () -> new Optimizer(new ClipByValue(0.5), 0.1).setGradientClipNorm(1.0));
        return r.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static double[] run(Optimizer optimizer, DType dtype) {
        Parameter x = new Parameter("x", Tensor.of(new double[] {1.0, 1.0, -1.0}, 3).to(dtype));
        Map<String, Parameter> params = Map.of("x", x);
        for (int t = 0; t < 25; t++) {
            Optimizer.zeroGrad(params);
            double[] p = x.value().toDoubleArray();
            double[] g = new double[3];
            for (int i = 0; i < 3; i++) {
                g[i] = -B[i];
                for (int j = 0; j < 3; j++) {
                    g[i] += A[i][j] * p[j];
                }
            }
            x.accumulateGrad(Tensor.of(g, 3).to(dtype));
            optimizer.step(params);
        }
        return x.value().toDoubleArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipes")
    void float32AgreesWithFloat64(String name, Supplier<Optimizer> recipe) {
        assertClose(run(recipe.get(), DType.FLOAT64), run(recipe.get(), DType.FLOAT32), 1e-4, name);
    }
}
