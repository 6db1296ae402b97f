package dev.temper.optim;

/**
 * Linear warm-up before another schedule (Goyal et al. 2017, "Accurate, Large Minibatch SGD"): for
 * {@code t < warmupSteps} the rate is {@code after(0) * (startFactor + (1 - startFactor) t / warmupSteps)}
 * (PyTorch's {@code LinearLR} ramp), from then on {@code after(t - warmupSteps)}: the following schedule starts
 * its own count when the warm-up ends, as with PyTorch's {@code SequentialLR}.
 */
public record LinearWarmup(long warmupSteps, double startFactor, Schedule after) implements Schedule {
    public LinearWarmup {
        ScheduleChecks.positive("LinearWarmup", "warmupSteps", warmupSteps);
        if (!(startFactor >= 0 && startFactor <= 1)) {
            throw new IllegalArgumentException("LinearWarmup: startFactor must be in [0, 1], got " + startFactor);
        }
        if (after == null) {
            throw new IllegalArgumentException("LinearWarmup: after must not be null");
        }
    }

    @Override
    public double learningRate(long completed) {
        ScheduleChecks.counter(completed);
        if (completed < warmupSteps) {
            return after.learningRate(0) * (startFactor + (1 - startFactor) * completed / warmupSteps);
        }
        return after.learningRate(completed - warmupSteps);
    }
}
