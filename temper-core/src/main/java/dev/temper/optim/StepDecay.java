package dev.temper.optim;

/** {@code initial * gamma^floor(t / stepSize)}: PyTorch's {@code StepLR} (t = completed steps or epochs). */
public record StepDecay(double initial, long stepSize, double gamma) implements Schedule {
    public StepDecay {
        ScheduleChecks.rate("StepDecay", "initial", initial);
        ScheduleChecks.positive("StepDecay", "stepSize", stepSize);
        ScheduleChecks.factor("StepDecay", "gamma", gamma);
    }

    @Override
    public double learningRate(long completed) {
        ScheduleChecks.counter(completed);
        return initial * Math.pow(gamma, completed / stepSize);
    }
}
