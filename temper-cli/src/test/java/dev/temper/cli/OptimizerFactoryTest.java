package dev.temper.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Parameter;
import dev.temper.cli.config.OptimizerConfig;
import dev.temper.cli.config.OptimizerKind;
import dev.temper.cli.config.ScheduleConfig;
import dev.temper.cli.config.ScheduleKind;
import dev.temper.nn.Dense;
import dev.temper.nn.Sequential;
import dev.temper.optim.Adadelta;
import dev.temper.optim.Adagrad;
import dev.temper.optim.Adam;
import dev.temper.optim.AdamW;
import dev.temper.optim.Lion;
import dev.temper.optim.Nadam;
import dev.temper.optim.Optimizer;
import dev.temper.optim.RmsProp;
import dev.temper.optim.Sgd;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A run file's optimizer builds the library's recipe exactly, plus the stages it adds (decay, clipping, schedule). */
class OptimizerFactoryTest {

    /** 25 steps on 0.5 |p - target|^2 for a weight matrix and a bias (only the matrix decays); the final values. */
    private static double[] trajectory(Optimizer optimizer) {
        Map<String, Parameter> params = new LinkedHashMap<>();
        params.put("dense.kernel", new Parameter("kernel", Tensor.of(new double[] {1.0, -2.0, 0.5, 3.0}, 2, 2)));
        params.put("dense.bias", new Parameter("bias", Tensor.of(new double[] {0.5, -1.0}, 2)));
        double[] target = {0.2, 0.4, -0.1, 1.0};
        for (int t = 0; t < 25; t++) {
            Optimizer.zeroGrad(params);
            for (Parameter p : params.values()) {
                double[] v = p.value().toDoubleArray();
                double[] g = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    g[i] = v[i] - target[i];
                }
                p.accumulateGrad(Tensor.of(g, p.value().dims()));
            }
            optimizer.step(params);
        }
        double[] kernel = params.get("dense.kernel").value().toDoubleArray();
        double[] bias = params.get("dense.bias").value().toDoubleArray();
        double[] out = new double[kernel.length + bias.length];
        System.arraycopy(kernel, 0, out, 0, kernel.length);
        System.arraycopy(bias, 0, out, kernel.length, bias.length);
        return out;
    }

    private static Optimizer built(OptimizerConfig config) {
        OptimizerFactory.Built b = OptimizerFactory.build(config, 10, 5);
        assertNull(b.epochSchedule());
        return b.optimizer();
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void eachKindWithItsDefaultsStepsExactlyAsTheLibrarysRecipe(OptimizerKind kind) {
        Supplier<Optimizer> recipe = switch (kind) {
            case SGD -> () -> Sgd.defaults().build();
            case ADAM -> () -> Adam.defaults().build();
            case ADAMW -> () -> AdamW.defaults().build();
            case RMSPROP -> () -> RmsProp.defaults().build();
            case ADAGRAD -> () -> Adagrad.defaults().build();
            case ADADELTA -> () -> Adadelta.defaults().build();
            case NADAM -> () -> Nadam.defaults().build();
            case LION -> () -> Lion.defaults().build();
        };
        assertArrayEquals(trajectory(recipe.get()), trajectory(built(OptimizerConfig.of(kind))));
    }

    @Test
    void kindSettingsReachTheirStage() {
        assertArrayEquals(trajectory(new Sgd(0.05, 0.9, true).build()), trajectory(built(
                OptimizerConfig.sgd().with("learning_rate", 0.05).with("momentum", 0.9).with("nesterov", true))));
        assertArrayEquals(trajectory(Adam.defaults().withAmsgrad(true).build()),
                trajectory(built(OptimizerConfig.adam().with("amsgrad", true))));
        assertArrayEquals(trajectory(RmsProp.defaults().withCentered(true).withMomentum(0.5).build()),
                trajectory(built(OptimizerConfig.of(OptimizerKind.RMSPROP).with("centered", true).with("momentum", 0.5))));
        assertArrayEquals(trajectory(Lion.defaults().withWeightDecay(0.1).build()),
                trajectory(built(OptimizerConfig.of(OptimizerKind.LION).with("weight_decay", 0.1))));
    }

    @Test
    void adamWithWeightDecayIsAdamW() {
        // Loshchilov and Hutter: AdamW is Adam's step plus decoupled decay, so the two spellings are one optimizer
        assertArrayEquals(trajectory(AdamW.defaults().withWeightDecay(0.05).build()),
                trajectory(built(OptimizerConfig.adam().with("weight_decay", 0.05))));
        double[] plain = trajectory(built(OptimizerConfig.adam()));
        double[] decayed = trajectory(built(OptimizerConfig.adam().with("weight_decay", 0.05)));
        assertTrue(Math.abs(plain[0] - decayed[0]) > 1e-4, "the kernel decays");
        assertEquals(plain[4], decayed[4], 0.0, "the bias does not");
    }

    @Test
    void clippingBoundsTheStep() {
        Map<String, Parameter> params = Map.of("w", new Parameter("w", Tensor.of(new double[] {0.0, 0.0}, 2)));
        params.get("w").accumulateGrad(Tensor.of(new double[] {10.0, -0.1}, 2));
        built(OptimizerConfig.sgd().with("learning_rate", 1.0).with("clip_value", 0.5)).step(params);
        assertArrayEquals(new double[] {-0.5, 0.1}, params.get("w").value().toDoubleArray(), 1e-12);

        Map<String, Parameter> normed = Map.of("w", new Parameter("w", Tensor.of(new double[] {0.0, 0.0}, 2)));
        normed.get("w").accumulateGrad(Tensor.of(new double[] {3.0, 4.0}, 2));
        built(OptimizerConfig.sgd().with("learning_rate", 1.0).with("clip_norm", 1.0)).step(normed);
        assertArrayEquals(new double[] {-0.6, -0.8}, normed.get("w").value().toDoubleArray(), 1e-6);
    }

    @Test
    void aStepScheduleLivesInTheOptimizer() {
        OptimizerConfig config = OptimizerConfig.sgd().with("learning_rate", 0.1).withSchedule(
                ScheduleConfig.of(ScheduleKind.CONSTANT).with("per", "step").with("warmup", 2).with("warmup_start_factor", 0.5));
        Optimizer optimizer = built(config);
        Map<String, Parameter> params = Map.of("w", new Parameter("w", Tensor.of(new double[] {0.0}, 1)));
        double[] rates = new double[4];
        for (int t = 0; t < 4; t++) {
            rates[t] = optimizer.learningRate();
            optimizer.step(params);
        }
        assertArrayEquals(new double[] {0.05, 0.075, 0.1, 0.1}, rates, 1e-15);
    }

    @Test
    void anEpochScheduleSetsTheRateAtEachEpochsStartOverTheWholeRun() {
        OptimizerConfig config = OptimizerConfig.sgd().with("learning_rate", 0.1)
                .withSchedule(ScheduleConfig.of(ScheduleKind.COSINE));
        OptimizerFactory.Built built = OptimizerFactory.build(config, 4, 100);
        assertNotNull(built.epochSchedule());
        dev.temper.train.TrainingControl control = new dev.temper.train.TrainingControl(
                new Sequential(new Dense(1, 1, new Rng(1))), built.optimizer());
        double[] rates = new double[4];
        for (int epoch = 1; epoch <= 4; epoch++) {
            built.epochSchedule().onEpochBegin(epoch, control);
            rates[epoch - 1] = control.learningRate();
        }
        // cosine over the 4 epochs: 0.1 (1 + cos(pi t / 4)) / 2 for t = 0..3
        double[] expected = new double[4];
        for (int t = 0; t < 4; t++) {
            expected[t] = 0.1 * (1 + Math.cos(Math.PI * t / 4)) / 2;
        }
        assertArrayEquals(expected, rates, 1e-15);
    }
}
