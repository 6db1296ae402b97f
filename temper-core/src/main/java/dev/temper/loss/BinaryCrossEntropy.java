package dev.temper.loss;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;

/**
 * Binary cross-entropy of probabilities {@code p} (the output of a sigmoid) against targets {@code t} in [0, 1]:
 * {@code f = -(t log p + (1 - t) log(1 - p))}, averaged over each sample's elements; PyTorch's {@code BCELoss}.
 *
 * <p>Clamping, as PyTorch does: each logarithm is clamped to be at least -100, so {@code p = 0} or {@code 1} gives
 * a finite loss (at most 100 per element) instead of infinity. The gradient is that of the clamped function:
 * {@code -t / p + (1 - t) / (1 - p)}, where a clamped logarithm contributes 0. (Keras instead clips {@code p} to
 * {@code [1e-7, 1 - 1e-7]}; the two agree away from 0 and 1.) Prefer {@link BinaryCrossEntropyWithLogits}: it is
 * exact for saturated outputs, where a sigmoid has already rounded to 0 or 1.
 */
public record BinaryCrossEntropy(Reduction reduction) implements PerSampleLoss {
    static final double LOG_FLOOR = -100;
    private static final PointwiseFunction CROSS_ENTROPY = new PointwiseFunction() {
        @Override
        public double value(double p, double t) {
            return -(t * Math.max(Math.log(p), LOG_FLOOR) + (1 - t) * Math.max(Math.log1p(-p), LOG_FLOOR));
        }

        @Override
        public double derivative(double p, double t) {
            double d = 0;
            if (Math.log(p) > LOG_FLOOR) {
                d -= t / p;
            }
            if (Math.log1p(-p) > LOG_FLOOR) {
                d += (1 - t) / (1 - p);
            }
            return d;
        }
    };

    public BinaryCrossEntropy {
        Losses.requireReduction("BinaryCrossEntropy", reduction);
    }

    public BinaryCrossEntropy() {
        this(Reduction.MEAN);
    }

    @Override
    public Variable perSample(Variable output, Tensor targets) {
        Tensor t = Targets.matching("binary cross-entropy", output, targets);
        Targets.checkRange("binary cross-entropy", t, 0, 1);
        Tensor p = output.value();
        for (int i = 0; i < p.size(); i++) {
            double v = p.getFlat(i);
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("binary cross-entropy: outputs must be probabilities in [0, 1] (use BinaryCrossEntropyWithLogits for raw scores), got " + v + " at flat index " + i);
            }
        }
        return PointwiseLoss.apply(output, t, CROSS_ENTROPY);
    }
}
