package dev.temper.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Contracts the fixture does not cover: shapes, argument errors, equivalences that follow from the definitions. */
class LossBehaviourTest {
    private static final Tensor LOGITS = Tensor.of(new double[] {1.5, -0.5, 0.25, -2, 0.75, 3, 0.1, 0.2, -0.3}, 3, 3);
    private static final Tensor LABELS = Tensor.of(new double[] {0, 2, 1}, 3);

    @Test
    void reductionNoneReturnsOneValuePerSample() {
        Variable v = new HuberLoss().withReduction(Reduction.NONE).compute(new Variable(LOGITS, true), LOGITS.mul(0.5));
        assertArrayEquals(new int[] {3}, v.value().dims());
    }

    @Test
    void sparseCrossEntropyWithoutOptionsEqualsTheOriginalFusedLoss() {
        double original = new SoftmaxCrossEntropyLoss().compute(new Variable(LOGITS, true), LABELS).value().item();
        double sparse = new SparseCategoricalCrossEntropy().compute(new Variable(LOGITS, true), LABELS).value().item();
        assertEquals(original, sparse, 1e-14);
    }

    @Test
    void oneHotTargetsGiveTheSameLossAsTheirClassIndices() {
        Tensor oneHot = Tensor.of(new double[] {1, 0, 0, 0, 0, 1, 0, 1, 0}, 3, 3);
        CategoricalCrossEntropy dense = new CategoricalCrossEntropy().withLabelSmoothing(0.1);
        SparseCategoricalCrossEntropy sparse = new SparseCategoricalCrossEntropy().withLabelSmoothing(0.1);
        assertEquals(sparse.compute(new Variable(LOGITS, true), LABELS).value().item(),
                dense.compute(new Variable(LOGITS, true), oneHot).value().item(), 1e-14);
    }

    @Test
    void focalLossWithGammaZeroAndNoAlphaIsBinaryCrossEntropyWithLogits() {
        Tensor targets = Tensor.of(new double[] {1, 0, 1, 0, 0, 1, 1, 1, 0}, 3, 3);
        double focal = BinaryFocalLoss.withoutAlpha(0).compute(new Variable(LOGITS, true), targets).value().item();
        double bce = new BinaryCrossEntropyWithLogits().compute(new Variable(LOGITS, true), targets).value().item();
        assertEquals(bce, focal, 1e-14);
    }

    @Test
    void binaryCrossEntropyWithLogitsOfPlusMinus1000IsExact() {
        // x = 1000, z = 0: loss = 1000 + log(1 + e^-1000) = 1000; x = -1000, z = 0: loss = log(1 + e^-1000) = 0.
        Variable x = new Variable(Tensor.of(new double[] {1000, -1000}, 2, 1), true);
        Variable loss = new BinaryCrossEntropyWithLogits(Reduction.NONE).compute(x, Tensor.of(new double[] {0, 0}, 2));
        assertArrayEquals(new double[] {1000, 0}, loss.value().toDoubleArray(), 0);
    }

    @Test
    void mseAcceptsBatchTargetsForASingleOutputColumn() {
        Variable out = new Variable(Tensor.of(new double[] {1, 2, 3}, 3, 1), true);
        // ((1-0)^2 + (2-2)^2 + (3-5)^2) / 3 = 5 / 3
        assertEquals(5.0 / 3, new MeanSquaredError().compute(out, Tensor.of(new double[] {0, 2, 5}, 3)).value().item(), 1e-15);
    }

    @Test
    void sampleWeightsOfTheWrongShapeAreRejectedWithTheirShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MeanAbsoluteError().compute(new Variable(LOGITS, true), LOGITS, Tensor.of(new double[] {1, 2}, 2)));
        assertTrue(e.getMessage().contains("sampleWeights") && e.getMessage().contains("[3]") && e.getMessage().contains("[2]"), e.getMessage());
    }

    @Test
    void theOriginalLossRejectsSampleWeightsButAcceptsNull() {
        Variable x = new Variable(LOGITS, true);
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxCrossEntropyLoss().compute(x, LABELS, Tensor.of(new double[] {1, 1, 1}, 3)));
        assertEquals(new SoftmaxCrossEntropyLoss().compute(x, LABELS).value().item(),
                new SoftmaxCrossEntropyLoss().compute(x, LABELS, null).value().item(), 0);
    }

    @Test
    void badArgumentsNameTheArgumentAndTheValue() {
        assertMessage(() -> new HuberLoss(0, Reduction.MEAN), "delta", "0.0");
        assertMessage(() -> new BinaryFocalLoss(-1, 0.25, Reduction.MEAN), "gamma", "-1.0");
        assertMessage(() -> new BinaryFocalLoss(2, 1.5, Reduction.MEAN), "alpha", "1.5");
        assertMessage(() -> new SparseCategoricalCrossEntropy(1.5, null, Reduction.MEAN), "labelSmoothing", "1.5");
        assertMessage(() -> new CategoricalCrossEntropy(0, new double[] {1, -1}, Reduction.MEAN), "classWeights", "-1.0");
        assertMessage(() -> new SparseCategoricalCrossEntropy().withClassWeights(1, 2).compute(new Variable(LOGITS, true), LABELS),
                "classWeights", "3 classes");
        assertMessage(() -> new SparseCategoricalCrossEntropy().compute(new Variable(LOGITS, true), Tensor.of(new double[] {0, 3, 1}, 3)),
                "label 3", "0..2");
        assertMessage(() -> new CategoricalCrossEntropy().compute(new Variable(LOGITS, true), LABELS), "targets", "[3]");
        assertMessage(() -> new BinaryCrossEntropy().compute(new Variable(LOGITS, true), LOGITS.mul(0)), "probabilities", "1.5");
        assertMessage(() -> new BinaryCrossEntropyWithLogits().compute(new Variable(LOGITS, true), LOGITS), "targets", "[0.0, 1.0]");
        assertMessage(() -> new HingeLoss().compute(new Variable(Tensor.of(new double[] {1, 2, 3}, 3), true), Tensor.of(new double[] {-1, 0, 1}, 3)),
                "hinge", "mix");
        assertMessage(() -> new MeanSquaredError().compute(new Variable(LOGITS, true), Tensor.zeros(2, 3)), "[3, 3]", "[2, 3]");
    }

    private static void assertMessage(Runnable r, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' should mention " + p);
        }
    }
}
