package dev.temper.tune;

/** Whether a study seeks the smallest value (a loss) or the largest (an accuracy). */
public enum Direction {
    MINIMIZE,
    MAXIMIZE;

    /**
     * The value as a loss, smaller being better, as strategies and pruners see it. NaN (a failed trial) becomes
     * positive infinity: worse than anything.
     */
    public double loss(double value) {
        if (Double.isNaN(value)) {
            return Double.POSITIVE_INFINITY;
        }
        return this == MINIMIZE ? value : -value;
    }

    /** Whether {@code a} is strictly better than {@code b}. */
    public boolean better(double a, double b) {
        return loss(a) < loss(b);
    }

    public String yamlName() {
        return this == MINIMIZE ? "minimize" : "maximize";
    }
}
