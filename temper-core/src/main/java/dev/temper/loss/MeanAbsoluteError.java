package dev.temper.loss;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;

/**
 * Absolute error {@code l_i = (1/F) sum_j |x_ij - t_ij|} per sample: PyTorch's {@code L1Loss}, Keras's
 * {@code MeanAbsoluteError}. Gradient {@code sign(x - t) / F}, taken as 0 at {@code x = t} (PyTorch's choice).
 */
public record MeanAbsoluteError(Reduction reduction) implements PerSampleLoss {
    private static final PointwiseFunction ABSOLUTE = new PointwiseFunction() {
        @Override
        public double value(double x, double t) {
            return Math.abs(x - t);
        }

        @Override
        public double derivative(double x, double t) {
            return Math.signum(x - t);
        }
    };

    public MeanAbsoluteError {
        Losses.requireReduction("MeanAbsoluteError", reduction);
    }

    public MeanAbsoluteError() {
        this(Reduction.MEAN);
    }

    @Override
    public Variable perSample(Variable output, Tensor targets) {
        return PointwiseLoss.apply(output, Targets.matching("mean absolute error", output, targets), ABSOLUTE);
    }
}
