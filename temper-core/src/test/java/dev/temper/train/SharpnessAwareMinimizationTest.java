package dev.temper.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.NoGrad;
import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.data.Dataset;
import dev.temper.loss.SoftmaxCrossEntropyLoss;
import dev.temper.nn.Dense;
import dev.temper.nn.ForwardContext;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.optim.SharpnessAwareMinimization;
import dev.temper.optim.Sgd;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SAM (Foret et al. 2021) finds flatter minima. Sharpness is measured as the mean rise of the training loss when
 * the weights move a fixed distance in random directions: the same directions for both models, a radius
 * proportional to each model's weight norm (so that rescaling cannot fake flatness).
 */
class SharpnessAwareMinimizationTest {

    private static Sequential model(long seed) {
        Rng rng = new Rng(seed);
        return new Sequential(new Dense(20, 128, rng), new ReLU(), new Dense(128, 128, rng), new ReLU(), new Dense(128, 3, rng));
    }

    private static double loss(Sequential model, Dataset data) {
        try (NoGrad scope = NoGrad.enter()) {
            return new SoftmaxCrossEntropyLoss().compute(model.forward(Variable.constant(data.features()),
                    ForwardContext.inference()), data.targets()).value().item();
        }
    }

    /** Mean loss increase over random directions scaled to {@code relativeRadius} times the weight norm. */
    private static double sharpness(Sequential model, Dataset data, double relativeRadius, int directions) {
        Map<String, Parameter> params = model.namedParameters();
        double norm = 0;
        for (Parameter p : params.values()) {
            for (double v : p.value().toDoubleArray()) {
                norm += v * v;
            }
        }
        norm = Math.sqrt(norm);
        double base = loss(model, data);
        Rng rng = new Rng(12345);
        double rise = 0;
        for (int d = 0; d < directions; d++) {
            Map<String, Tensor> direction = new java.util.LinkedHashMap<>();
            double dnorm = 0;
            for (Map.Entry<String, Parameter> e : params.entrySet()) {
                Tensor t = rng.normal(0f, 1f, e.getValue().value().dims());
                direction.put(e.getKey(), t);
                for (double v : t.toDoubleArray()) {
                    dnorm += v * v;
                }
            }
            double scale = relativeRadius * norm / Math.sqrt(dnorm);
            direction.forEach((k, t) -> params.get(k).value().addInPlace(t, scale));
            rise += loss(model, data) - base;
            direction.forEach((k, t) -> params.get(k).value().addInPlace(t, -scale));
        }
        return rise / directions;
    }

    /** Overlapping classes with 20% of the labels flipped at random: fitting them all needs a sharp fit. */
    private static Dataset noisyBlobs(int n, long seed) {
        Tensor centers = new Rng(98).normal(0f, 0.6f, 3, 20);
        Rng rng = new Rng(seed);
        float[] x = new float[n * 20];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(3);
            y[i] = rng.nextDouble() < 0.2 ? rng.nextInt(3) : c;
            for (int j = 0; j < 20; j++) {
                x[i * 20 + j] = (float) (centers.get(c, j) + rng.nextGaussian());
            }
        }
        return new Dataset(Tensor.wrap(x, n, 20), Tensor.wrap(y, n));
    }

    @Test
    void samEndsInAFlatterMinimumThanPlainSgd() {
        Dataset train = noisyBlobs(256, 1);
        Sequential sgd = model(3);
        new Trainer(sgd, new SoftmaxCrossEntropyLoss(), new Sgd(0.05, 0.9, false).build())
                .fit(train, null, 40, 32, new Rng(4), EpochListener.none());
        Sequential sam = model(3);
        new Trainer(sam, new SoftmaxCrossEntropyLoss(), new Sgd(0.05, 0.9, false).build())
                .withSharpnessAwareMinimization(new SharpnessAwareMinimization(0.1))
                .fit(train, null, 40, 32, new Rng(4), EpochListener.none());
        double sgdSharpness = sharpness(sgd, train, 0.15, 20);
        double samSharpness = sharpness(sam, train, 0.15, 20);
        System.out.printf("training loss: SGD %.5f, SAM %.5f; loss rise at 15%% of the weight norm: SGD %.5f, SAM %.5f%n",
                loss(sgd, train), loss(sam, train), sgdSharpness, samSharpness);
        assertTrue(loss(sam, train) < 0.5, "SAM still fits the training set");
        assertTrue(samSharpness < 0.7 * sgdSharpness, "SAM's minimum is flatter: " + samSharpness + " vs " + sgdSharpness);
    }

    @Test
    void ascendMovesAlongTheGradientByRhoAndRestoreUndoesItExactly() {
        Parameter a = new Parameter("a", Tensor.of(new float[] {1, 2}, 2));
        Parameter b = new Parameter("b", Tensor.of(new float[] {3}, 1));
        a.accumulateGrad(Tensor.of(new float[] {3, 0}, 2));
        b.accumulateGrad(Tensor.of(new float[] {4}, 1));
        Map<String, Parameter> params = Map.of("a", a, "b", b);
        SharpnessAwareMinimization sam = new SharpnessAwareMinimization(0.5);
        sam.ascend(params);
        // ||g|| = 5, so e = 0.5 * g / 5 = 0.1 g
        assertArrayEquals(new float[] {1.3f, 2f}, a.value().toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {3.4f}, b.value().toFloatArray(), 1e-6f);
        assertThrows(IllegalStateException.class, () -> sam.ascend(params));
        sam.restore(params);
        assertArrayEquals(new float[] {1f, 2f}, a.value().toFloatArray(), 1e-6f);
        assertEquals(3f, b.value().toFloatArray()[0], 1e-6f);
        assertEquals("SharpnessAwareMinimization: rho must be > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new SharpnessAwareMinimization(0)).getMessage());
    }
}
