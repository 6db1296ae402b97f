package dev.temper.loss;

/** Argument checks shared by the loss records. */
final class Losses {
    private Losses() {}

    static void requireReduction(String loss, Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException(loss + ": reduction must be MEAN, SUM or NONE, got null");
        }
    }

    /** {@code log(1 + e^-|x|)}, the tail shared by the stable logistic losses: never overflows. */
    static double softplusOfMinusAbs(double x) {
        return Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** {@code 1 / (1 + e^-x)} without overflow for large |x|. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
