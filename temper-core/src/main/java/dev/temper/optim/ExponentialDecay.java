package dev.temper.optim;

/** {@code initial * gamma^t}: PyTorch's {@code ExponentialLR}. */
public record ExponentialDecay(double initial, double gamma) implements Schedule {
    public ExponentialDecay {
        ScheduleChecks.rate("ExponentialDecay", "initial", initial);
        ScheduleChecks.factor("ExponentialDecay", "gamma", gamma);
    }

    @Override
    public double learningRate(long completed) {
        ScheduleChecks.counter(completed);
        return initial * Math.pow(gamma, completed);
    }
}
