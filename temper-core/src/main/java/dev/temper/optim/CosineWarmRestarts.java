package dev.temper.optim;

/**
 * SGDR (Loshchilov and Hutter 2017, "SGDR: Stochastic Gradient Descent with Warm Restarts"), PyTorch's
 * {@code CosineAnnealingWarmRestarts}: cycles of length {@code firstPeriod} (T_0), each {@code periodMultiplier}
 * (T_mult) times longer than the one before; within a cycle {@code min + (initial - min) (1 + cos(pi T_cur /
 * T_i)) / 2}, where T_cur counts from 0 at each restart.
 */
public record CosineWarmRestarts(double initial, long firstPeriod, long periodMultiplier, double min)
        implements Schedule {
    public CosineWarmRestarts {
        ScheduleChecks.rate("CosineWarmRestarts", "initial", initial);
        ScheduleChecks.positive("CosineWarmRestarts", "firstPeriod", firstPeriod);
        ScheduleChecks.positive("CosineWarmRestarts", "periodMultiplier", periodMultiplier);
        ScheduleChecks.rate("CosineWarmRestarts", "min", min);
    }

    @Override
    public double learningRate(long completed) {
        ScheduleChecks.counter(completed);
        long current = completed;
        long cycle = firstPeriod;
        if (periodMultiplier == 1) {
            current %= cycle;
        } else {
            while (current >= cycle) { // at most log(completed) rounds: cycles grow geometrically
                current -= cycle;
                cycle *= periodMultiplier;
            }
        }
        return min + (initial - min) * (1 + Math.cos(Math.PI * current / cycle)) / 2;
    }
}
