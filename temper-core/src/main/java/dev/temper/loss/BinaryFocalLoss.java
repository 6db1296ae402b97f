package dev.temper.loss;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;

/**
 * Binary focal loss on logits (Lin et al. 2017, "Focal Loss for Dense Object Detection"), as torchvision's
 * {@code sigmoid_focal_loss}: with {@code p = sigmoid(x)}, {@code p_t = p z + (1 - p)(1 - z)} and
 * {@code ce = } the stable binary cross-entropy with logits,
 * {@code f = alpha_t (1 - p_t)^gamma ce}, {@code alpha_t = alpha z + (1 - alpha)(1 - z)} (or 1 when
 * {@code alpha} is absent, written NaN here), averaged over each sample's elements. {@code gamma = 0} without
 * alpha is plain binary cross-entropy.
 *
 * <p>Stability: {@code 1 - p_t = z sigmoid(-x) + (1 - z) sigmoid(x)} is computed directly, never as
 * {@code 1 - p_t}, so logits of +-100 give finite, exact values. Derivative in {@code x}:
 * {@code alpha_t [(1 - p_t)^gamma (p - z) - gamma (1 - p_t)^(gamma - 1) p (1 - p)(2z - 1) ce]}.
 */
public record BinaryFocalLoss(double gamma, double alpha, Reduction reduction) implements PerSampleLoss {
    public BinaryFocalLoss {
        if (!(gamma >= 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("BinaryFocalLoss: gamma must be a finite number >= 0, got " + gamma);
        }
        if (!Double.isNaN(alpha) && !(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("BinaryFocalLoss: alpha must lie in [0, 1] (or be NaN for none), got " + alpha);
        }
        Losses.requireReduction("BinaryFocalLoss", reduction);
    }

    /** The paper's defaults: {@code gamma = 2}, {@code alpha = 0.25}. */
    public static BinaryFocalLoss defaults() {
        return new BinaryFocalLoss(2.0, 0.25, Reduction.MEAN);
    }

    /** {@code gamma} with no alpha weighting. */
    public static BinaryFocalLoss withoutAlpha(double gamma) {
        return new BinaryFocalLoss(gamma, Double.NaN, Reduction.MEAN);
    }

    public BinaryFocalLoss withReduction(Reduction newReduction) {
        return new BinaryFocalLoss(gamma, alpha, newReduction);
    }

    @Override
    public Variable perSample(Variable output, Tensor targets) {
        Tensor t = Targets.matching("binary focal loss", output, targets);
        Targets.checkRange("binary focal loss", t, 0, 1);
        double g = gamma;
        double a = alpha;
        return PointwiseLoss.apply(output, t, new PointwiseFunction() {
            @Override
            public double value(double x, double z) {
                double q = z * Losses.sigmoid(-x) + (1 - z) * Losses.sigmoid(x);
                double ce = Math.max(x, 0) - x * z + Losses.softplusOfMinusAbs(x);
                return alphaT(z) * Math.pow(q, g) * ce;
            }

            @Override
            public double derivative(double x, double z) {
                double p = Losses.sigmoid(x);
                double q = z * Losses.sigmoid(-x) + (1 - z) * p;
                double ce = Math.max(x, 0) - x * z + Losses.softplusOfMinusAbs(x);
                double d = Math.pow(q, g) * (p - z);
                if (g != 0 && q > 0) {
                    // p (1 - p) with 1 - p as sigmoid(-x): exact in both tails.
                    d -= g * Math.pow(q, g - 1) * p * Losses.sigmoid(-x) * (2 * z - 1) * ce;
                }
                return alphaT(z) * d;
            }

            private double alphaT(double z) {
                return Double.isNaN(a) ? 1.0 : a * z + (1 - a) * (1 - z);
            }
        });
    }
}
