package dev.temper.loss;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;

/**
 * Log-cosh loss (Keras's {@code LogCosh}): {@code f(d) = log(cosh(d))} with {@code d = x - t}, averaged over each
 * sample's elements; close to {@code d^2 / 2} for small errors and to {@code |d| - log 2} for large ones.
 * Computed as {@code |d| + log(1 + e^(-2|d|)) - log 2}, which equals {@code log cosh d} and stays finite where
 * {@code cosh} overflows (|d| > 710). Gradient {@code tanh(d)}.
 */
public record LogCoshLoss(Reduction reduction) implements PerSampleLoss {
    private static final double LOG_2 = Math.log(2);
    private static final PointwiseFunction LOG_COSH = new PointwiseFunction() {
        @Override
        public double value(double x, double t) {
            double d = Math.abs(x - t);
            return d + Math.log1p(Math.exp(-2 * d)) - LOG_2;
        }

        @Override
        public double derivative(double x, double t) {
            return Math.tanh(x - t);
        }
    };

    public LogCoshLoss {
        Losses.requireReduction("LogCoshLoss", reduction);
    }

    public LogCoshLoss() {
        this(Reduction.MEAN);
    }

    @Override
    public Variable perSample(Variable output, Tensor targets) {
        return PointwiseLoss.apply(output, Targets.matching("log-cosh loss", output, targets), LOG_COSH);
    }
}
