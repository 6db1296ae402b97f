package dev.temper.loss;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;

/**
 * Squared error {@code l_i = (1/F) sum_j (x_ij - t_ij)^2} per sample (Keras's {@code MeanSquaredError}); with the
 * default {@link Reduction#MEAN} this is the mean over every element, PyTorch's {@code MSELoss}. Gradient
 * {@code 2 (x - t) / F} per sample. Targets must have the output's shape; a {@code [batch]} target for a
 * {@code [batch, 1]} output is accepted and reshaped, a common case in regression.
 */
public record MeanSquaredError(Reduction reduction) implements PerSampleLoss {
    private static final PointwiseFunction SQUARED = new PointwiseFunction() {
        @Override
        public double value(double x, double t) {
            return (x - t) * (x - t);
        }

        @Override
        public double derivative(double x, double t) {
            return 2 * (x - t);
        }
    };

    public MeanSquaredError {
        Losses.requireReduction("MeanSquaredError", reduction);
    }

    public MeanSquaredError() {
        this(Reduction.MEAN);
    }

    @Override
    public Variable perSample(Variable output, Tensor targets) {
        return PointwiseLoss.apply(output, Targets.matching("mean squared error", output, targets), SQUARED);
    }
}
