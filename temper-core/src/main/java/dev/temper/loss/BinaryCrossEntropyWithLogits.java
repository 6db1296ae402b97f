package dev.temper.loss;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;

/**
 * Binary cross-entropy of {@code sigmoid(x)} against targets {@code z} in [0, 1], taking raw logits {@code x}:
 * PyTorch's {@code BCEWithLogitsLoss}, Keras's {@code BinaryCrossentropy(from_logits=True)}. In the stable form
 * {@code f = max(x, 0) - x z + log(1 + e^-|x|)} (no exponential of a positive number, so logits of +-1000 are
 * exact), averaged over each sample's elements. Gradient {@code sigmoid(x) - z}.
 */
public record BinaryCrossEntropyWithLogits(Reduction reduction) implements PerSampleLoss {
    private static final PointwiseFunction CROSS_ENTROPY = new PointwiseFunction() {
        @Override
        public double value(double x, double z) {
            return Math.max(x, 0) - x * z + Losses.softplusOfMinusAbs(x);
        }

        @Override
        public double derivative(double x, double z) {
            return Losses.sigmoid(x) - z;
        }
    };

    public BinaryCrossEntropyWithLogits {
        Losses.requireReduction("BinaryCrossEntropyWithLogits", reduction);
    }

    public BinaryCrossEntropyWithLogits() {
        this(Reduction.MEAN);
    }

    @Override
    public Variable perSample(Variable output, Tensor targets) {
        Tensor t = Targets.matching("binary cross-entropy with logits", output, targets);
        Targets.checkRange("binary cross-entropy with logits", t, 0, 1);
        return PointwiseLoss.apply(output, t, CROSS_ENTROPY);
    }
}
