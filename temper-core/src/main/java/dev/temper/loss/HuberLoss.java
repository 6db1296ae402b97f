package dev.temper.loss;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;

/**
 * Huber loss (Huber 1964), as PyTorch's {@code HuberLoss(delta)}: with {@code d = x - t},
 * {@code f(d) = d^2 / 2} for {@code |d| <= delta}, else {@code delta (|d| - delta / 2)}; averaged over each
 * sample's elements. Gradient {@code d} inside, {@code delta sign(d)} outside: quadratic near the target, linear
 * (robust to outliers) far from it. Default {@code delta = 1}.
 */
public record HuberLoss(double delta, Reduction reduction) implements PerSampleLoss {
    public HuberLoss {
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("HuberLoss: delta must be a finite number > 0, got " + delta);
        }
        Losses.requireReduction("HuberLoss", reduction);
    }

    public HuberLoss() {
        this(1.0, Reduction.MEAN);
    }

    public HuberLoss withDelta(double newDelta) {
        return new HuberLoss(newDelta, reduction);
    }

    public HuberLoss withReduction(Reduction newReduction) {
        return new HuberLoss(delta, newReduction);
    }

    @Override
    public Variable perSample(Variable output, Tensor targets) {
        double k = delta;
        return PointwiseLoss.apply(output, Targets.matching("Huber loss", output, targets), new PointwiseFunction() {
            @Override
            public double value(double x, double t) {
                double d = Math.abs(x - t);
                return d <= k ? 0.5 * d * d : k * (d - 0.5 * k);
            }

            @Override
            public double derivative(double x, double t) {
                double d = x - t;
                return Math.abs(d) <= k ? d : k * Math.signum(d);
            }
        });
    }
}
