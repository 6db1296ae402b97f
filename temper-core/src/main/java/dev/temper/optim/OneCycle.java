package dev.temper.optim;

/**
 * The one-cycle policy (Smith and Topin 2018, "Super-Convergence"), as PyTorch's {@code OneCycleLR} with
 * cosine annealing and two phases: from {@code maxRate / divFactor} up to {@code maxRate} over the first
 * {@code pctStart * totalSteps - 1} steps, then down to {@code maxRate / divFactor / finalDivFactor} at step
 * {@code totalSteps - 1}, each phase {@code end + (start - end) (1 + cos(pi pct)) / 2}. Defaults as PyTorch:
 * pctStart 0.3, divFactor 25, finalDivFactor 1e4. Differences: momentum is not cycled (PyTorch cycles it
 * 0.95 to 0.85 by default), and past {@code totalSteps - 1} the rate stays at its minimum (PyTorch raises).
 */
public record OneCycle(double maxRate, long totalSteps, double pctStart, double divFactor, double finalDivFactor)
        implements Schedule {
    public OneCycle {
        ScheduleChecks.rate("OneCycle", "maxRate", maxRate);
        if (totalSteps < 2) {
            throw new IllegalArgumentException("OneCycle: totalSteps must be >= 2, got " + totalSteps);
        }
        if (!(pctStart > 0 && pctStart < 1) || pctStart * totalSteps - 1 <= 0
                || pctStart * totalSteps - 1 >= totalSteps - 1) {
            throw new IllegalArgumentException("OneCycle: pctStart must leave both phases at least one step, got "
                    + pctStart + " with totalSteps " + totalSteps);
        }
        if (!(divFactor >= 1) || !(finalDivFactor >= 1)) {
            throw new IllegalArgumentException("OneCycle: divFactor and finalDivFactor must be >= 1, got "
                    + divFactor + " and " + finalDivFactor);
        }
    }

    public static OneCycle defaults(double maxRate, long totalSteps) {
        return new OneCycle(maxRate, totalSteps, 0.3, 25, 1e4);
    }

    @Override
    public double learningRate(long completed) {
        ScheduleChecks.counter(completed);
        double initial = maxRate / divFactor;
        double min = initial / finalDivFactor;
        double peak = pctStart * totalSteps - 1;
        if (completed <= peak) {
            return anneal(initial, maxRate, completed / peak);
        }
        double pct = Math.min(1.0, (completed - peak) / (totalSteps - 1 - peak));
        return anneal(maxRate, min, pct);
    }

    private static double anneal(double start, double end, double pct) {
        return end + (start - end) / 2 * (Math.cos(Math.PI * pct) + 1);
    }
}
