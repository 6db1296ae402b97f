package dev.temper.loss;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;

/** Checks and target coefficients shared by the two categorical cross-entropies. */
final class ClassTargets {
    private ClassTargets() {}

    static void checkSmoothing(String loss, double labelSmoothing) {
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException(loss + ": labelSmoothing must lie in [0, 1], got " + labelSmoothing);
        }
    }

    /** A defensive copy of the weights after checking them; null stays null (no weighting). */
    static double[] checkWeights(String loss, double[] classWeights) {
        if (classWeights == null) {
            return null;
        }
        for (int c = 0; c < classWeights.length; c++) {
            if (!(classWeights[c] >= 0) || Double.isInfinite(classWeights[c])) {
                throw new IllegalArgumentException(loss + ": classWeights must be finite and >= 0, got " + classWeights[c] + " for class " + c);
            }
        }
        return classWeights.clone();
    }

    /** Logits must be {@code [batch, classes]}, with one weight per class when weights are given. */
    static void checkLogits(String loss, Variable logits, double[] classWeights) {
        Tensor x = logits.value();
        if (x.rank() != 2) {
            throw new IllegalArgumentException(loss + ": logits must be [batch, classes], got shape " + x.shape());
        }
        if (classWeights != null && classWeights.length != x.dim(1)) {
            throw new IllegalArgumentException(loss + ": " + classWeights.length + " classWeights for " + x.dim(1) + " classes (logits " + x.shape() + ")");
        }
    }

    /**
     * Smoothed, weighted coefficients {@code a_ic = w_c ((1 - eps) q_ic + eps / C)} from target rows {@code q}
     * (modified in place and returned).
     */
    static double[] coefficients(double[] q, int classes, double labelSmoothing, double[] classWeights) {
        double uniform = labelSmoothing / classes;
        for (int j = 0; j < q.length; j++) {
            double smoothed = (1 - labelSmoothing) * q[j] + uniform;
            q[j] = classWeights == null ? smoothed : classWeights[j % classes] * smoothed;
        }
        return q;
    }
}
