package dev.temper.nn;

import static dev.temper.fixtures.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.BatchNormalize;
import dev.temper.autograd.GradCheck;
import dev.temper.autograd.LayerNormalize;
import dev.temper.autograd.Variable;
import dev.temper.fixtures.Fixtures;
import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Batch and layer normalization: gradients, reference values (normalization.py), and the two modes. */
class NormalizationTest {
    private static final Map<String, double[]> REFERENCE = Fixtures.load("normalization.txt");

    /** The inputs of normalization.py, rebuilt from their closed forms. */
    private static Tensor denseInput() {
        double[] v = new double[20];
        for (int n = 0; n < 5; n++) {
            for (int c = 0; c < 4; c++) {
                v[n * 4 + c] = Math.sin(1 + n * 4 + c);
            }
        }
        return Tensor.of(v, 5, 4);
    }

    private static Tensor convInput() {
        double[] v = new double[24];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.cos(0.5 * (i + 1)) * 3;
        }
        return Tensor.of(v, 2, 3, 2, 2);
    }

    private static BatchNormalization referenceLayer(int channels) {
        BatchNormalization bn = new BatchNormalization(channels);
        for (int c = 0; c < channels; c++) {
            bn.parameters().get(0).value().setFlat(c, 1 + 0.1 * c);
            bn.parameters().get(1).value().setFlat(c, 0.5 - 0.2 * c);
        }
        return bn;
    }

    private static Tensor normal(Rng rng, int... shape) {
        return rng.normal(0f, 1f, shape).to(DType.FLOAT64);
    }

    @Test
    void batchNormMatchesNumpyInBothModesForDenseAndConvInputs() {
        for (String label : new String[] {"dense", "conv"}) {
            Tensor x = label.equals("dense") ? denseInput() : convInput();
            BatchNormalization bn = referenceLayer(x.dim(1));
            Tensor train = bn.forward(Variable.constant(x), ForwardContext.training(new Rng(1))).value();
            assertClose(REFERENCE.get("batch_norm_" + label + "_train"), train.toDoubleArray(), 1e-5, label + " training output");
            assertClose(REFERENCE.get("batch_norm_" + label + "_running_mean"), bn.runningMean().toDoubleArray(), 1e-5, label + " running mean");
            assertClose(REFERENCE.get("batch_norm_" + label + "_running_variance"), bn.runningVariance().toDoubleArray(), 1e-5, label + " running variance");
            Tensor inference = bn.forward(Variable.constant(x), ForwardContext.inference()).value();
            assertClose(REFERENCE.get("batch_norm_" + label + "_inference"), inference.toDoubleArray(), 1e-5, label + " inference output");
            // the float32 kernels agree with the float64 reference too
            BatchNormalization bn32 = referenceLayer(x.dim(1));
            Tensor train32 = bn32.forward(Variable.constant(x.to(DType.FLOAT32)), ForwardContext.training(new Rng(1))).value();
            assertEquals(DType.FLOAT32, train32.dtype());
            assertClose(REFERENCE.get("batch_norm_" + label + "_train"), train32.toDoubleArray(), 1e-5, label + " float32 output");
        }
    }

    @Test
    void layerNormMatchesNumpy() {
        LayerNormalization ln = new LayerNormalization(4);
        for (int c = 0; c < 4; c++) {
            ln.parameters().get(0).value().setFlat(c, 1 + 0.1 * c);
            ln.parameters().get(1).value().setFlat(c, 0.5 - 0.2 * c);
        }
        Tensor y = ln.forward(Variable.constant(denseInput()), ForwardContext.inference()).value();
        assertClose(REFERENCE.get("layer_norm_dense"), y.toDoubleArray(), 1e-5, "layer norm");
    }

    @Test
    void batchNormGradientsWithBatchStatistics() {
        Rng rng = new Rng(3);
        for (int[] shape : new int[][] {{6, 3}, {2, 3, 2, 2}}) {
            int c = shape[1];
            GradCheck.Result r = GradCheck.DEFAULT.check(
                    v -> BatchNormalize.withBatchStatistics(v.get(0), v.get(1), v.get(2), 1e-3).output(),
                    normal(rng, shape), normal(rng, c), normal(rng, c));
            assertTrue(r.passed(), "training mode " + java.util.Arrays.toString(shape) + ": " + r);
        }
        GradCheck.Result noAffine = GradCheck.DEFAULT.check(
                v -> BatchNormalize.withBatchStatistics(v.get(0), null, null, 1e-3).output(), normal(rng, 5, 4));
        assertTrue(noAffine.passed(), "without gamma and beta: " + noAffine);
    }

    @Test
    void batchNormGradientsWithFixedStatistics() {
        Rng rng = new Rng(4);
        Tensor mean = normal(rng, 3);
        Tensor variance = rng.uniform(0.5f, 2f, 3).to(DType.FLOAT64);
        GradCheck.Result r = GradCheck.DEFAULT.check(
                v -> BatchNormalize.withFixedStatistics(v.get(0), v.get(1), v.get(2), mean, variance, 1e-3),
                normal(rng, 2, 3, 2, 2), normal(rng, 3), normal(rng, 3));
        assertTrue(r.passed(), "inference mode: " + r);
    }

    @Test
    void layerNormGradients() {
        Rng rng = new Rng(5);
        GradCheck.Result r = GradCheck.DEFAULT.check(
                v -> LayerNormalize.apply(v.get(0), v.get(1), v.get(2), 1e-3),
                normal(rng, 2, 3, 5), normal(rng, 5), normal(rng, 5));
        assertTrue(r.passed(), "layer norm: " + r);
    }

    @Test
    void inferenceOutputOfOneSampleDoesNotDependOnTheRestOfTheBatch() {
        Rng rng = new Rng(6);
        BatchNormalization bn = new BatchNormalization(3);
        for (int step = 0; step < 20; step++) { // running statistics move away from (0, 1)
            bn.forward(Variable.constant(rng.normal(2f, 3f, 8, 3, 2, 2)), ForwardContext.training(rng));
        }
        Tensor sample = rng.normal(2f, 3f, 1, 3, 2, 2);
        Tensor alone = bn.forward(Variable.constant(sample), ForwardContext.inference()).value();
        Tensor others = rng.normal(-5f, 10f, 4, 3, 2, 2);
        Tensor batch = Tensor.concat(0, sample, others);
        Tensor inBatch = bn.forward(Variable.constant(batch), ForwardContext.inference()).value();
        assertArrayEquals(alone.toFloatArray(), inBatch.rows(0, 1).contiguous().toFloatArray(), "inference is per sample");
        // in training mode it does depend on the batch: the two differ
        Tensor trainAlone = bn.forward(Variable.constant(Tensor.concat(0, sample, sample)), ForwardContext.training(rng)).value();
        Tensor trainInBatch = bn.forward(Variable.constant(batch), ForwardContext.training(rng)).value();
        assertTrue(Math.abs(trainAlone.getFlat(0) - trainInBatch.getFlat(0)) > 1e-3, "training uses batch statistics");
    }

    @Test
    void runningStatisticsConvergeToThePopulationStatistics() {
        Rng rng = new Rng(7);
        BatchNormalization bn = new BatchNormalization(2, 0.9, 1e-3, true, true);
        for (int step = 0; step < 200; step++) {
            bn.forward(Variable.constant(rng.normal(3f, 2f, 256, 2)), ForwardContext.training(rng));
        }
        for (int c = 0; c < 2; c++) {
            assertEquals(3.0, bn.runningMean().getFlat(c), 0.1, "running mean of channel " + c);
            assertEquals(4.0, bn.runningVariance().getFlat(c), 0.3, "running variance of channel " + c);
        }
        assertEquals(Map.of("running_mean", bn.runningMean(), "running_variance", bn.runningVariance()), bn.buffers());
    }

    @Test
    void namesParametersAndBuffersByPath() {
        Sequential model = new Sequential(new Dense(4, 3, new Rng(1)), new BatchNormalization(3), new ReLU());
        assertEquals(java.util.List.of("dense_1.kernel", "dense_1.bias", "batch_normalization_1.gamma",
                "batch_normalization_1.beta"), java.util.List.copyOf(model.namedParameters().keySet()));
        assertEquals(java.util.List.of("batch_normalization_1.running_mean", "batch_normalization_1.running_variance"),
                java.util.List.copyOf(model.namedBuffers().keySet()));
    }

    @Test
    void badShapesAndArgumentsAreNamed() {
        BatchNormalization bn = new BatchNormalization(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bn.forward(Variable.constant(Tensor.zeros(4, 5)), ForwardContext.inference()));
        assertEquals("BatchNormalization(3): expected input [batch, 3, ...], got [4, 5]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> bn.forward(Variable.constant(Tensor.zeros(1, 3)), ForwardContext.training(new Rng(1))));
        assertTrue(e.getMessage().contains("more than one value per channel"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BatchNormalization(3, 1.0, 1e-3, true, true));
        assertEquals("BatchNormalization: momentum must be in [0, 1), got 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LayerNormalization(4).forward(Variable.constant(Tensor.zeros(2, 5)), ForwardContext.inference()));
        assertEquals("LayerNormalization(4): expected input [batch, ..., 4], got [2, 5]", e.getMessage());
    }
}
