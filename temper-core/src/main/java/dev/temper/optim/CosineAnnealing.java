package dev.temper.optim;

/**
 * Cosine annealing (Loshchilov and Hutter 2017, SGDR, without restarts): {@code min + (initial - min) (1 +
 * cos(pi t / period)) / 2} for {@code t <= period}, PyTorch's {@code CosineAnnealingLR} in closed form. After
 * the period the rate stays at {@code min} (PyTorch's closed form would rise again; use
 * {@link CosineWarmRestarts} for cycles).
 */
public record CosineAnnealing(double initial, long period, double min) implements Schedule {
    public CosineAnnealing {
        ScheduleChecks.rate("CosineAnnealing", "initial", initial);
        ScheduleChecks.positive("CosineAnnealing", "period", period);
        ScheduleChecks.rate("CosineAnnealing", "min", min);
    }

    @Override
    public double learningRate(long completed) {
        ScheduleChecks.counter(completed);
        long t = Math.min(completed, period);
        return min + (initial - min) * (1 + Math.cos(Math.PI * t / period)) / 2;
    }
}
