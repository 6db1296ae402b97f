package dev.temper.loss;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;

/**
 * Hinge loss for binary classification with raw scores {@code x} (Keras's {@code Hinge} and
 * {@code SquaredHinge}): {@code f = max(0, 1 - t x)}, or {@code max(0, 1 - t x)^2} when {@code squared},
 * averaged over each sample's elements. Targets are -1 or 1; targets 0 and 1 are also accepted, 0 being mapped
 * to -1 as Keras does (a target tensor is read as {0, 1} labels unless it holds a -1). Gradient {@code -t} (or
 * {@code -2 t max(0, 1 - t x)}) where the margin is violated, else 0; at the kink {@code t x = 1} it is 0.
 */
public record HingeLoss(boolean squared, Reduction reduction) implements PerSampleLoss {
    public HingeLoss {
        Losses.requireReduction("HingeLoss", reduction);
    }

    public HingeLoss() {
        this(false, Reduction.MEAN);
    }

    public static HingeLoss squaredHinge() {
        return new HingeLoss(true, Reduction.MEAN);
    }

    public HingeLoss withReduction(Reduction newReduction) {
        return new HingeLoss(squared, newReduction);
    }

    @Override
    public Variable perSample(Variable output, Tensor targets) {
        Tensor t = Targets.matching("hinge loss", output, targets);
        Targets.checkRange("hinge loss", t, -1, 1);
        boolean minusOne = false;
        boolean zero = false;
        for (int i = 0; i < t.size(); i++) {
            double v = t.getFlat(i);
            if (v != -1 && v != 0 && v != 1) {
                throw new IllegalArgumentException("hinge loss: targets must be -1 or 1 (or 0 or 1), got " + v + " at flat index " + i);
            }
            minusOne |= v == -1;
            zero |= v == 0;
        }
        if (minusOne && zero) {
            throw new IllegalArgumentException("hinge loss: targets mix -1 and 0; use either {-1, 1} or {0, 1}");
        }
        Tensor signs = zero ? t.mul(2).add(-1) : t; // {0, 1} -> {-1, 1}
        boolean sq = squared;
        return PointwiseLoss.apply(output, signs, new PointwiseFunction() {
            @Override
            public double value(double x, double s) {
                double margin = Math.max(0, 1 - s * x);
                return sq ? margin * margin : margin;
            }

            @Override
            public double derivative(double x, double s) {
                double margin = Math.max(0, 1 - s * x);
                if (margin == 0) {
                    return 0;
                }
                return sq ? -2 * s * margin : -s;
            }
        });
    }
}
