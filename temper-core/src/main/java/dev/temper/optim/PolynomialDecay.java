package dev.temper.optim;

/**
 * {@code (initial - end) (1 - min(t, decaySteps) / decaySteps)^power + end}: Keras's {@code PolynomialDecay}
 * (without cycling); with {@code end = 0} it is PyTorch's {@code PolynomialLR}. Power 1 is linear decay.
 */
public record PolynomialDecay(double initial, long decaySteps, double power, double end) implements Schedule {
    public PolynomialDecay {
        ScheduleChecks.rate("PolynomialDecay", "initial", initial);
        ScheduleChecks.positive("PolynomialDecay", "decaySteps", decaySteps);
        if (!(power > 0) || !Double.isFinite(power)) {
            throw new IllegalArgumentException("PolynomialDecay: power must be > 0, got " + power);
        }
        ScheduleChecks.rate("PolynomialDecay", "end", end);
    }

    @Override
    public double learningRate(long completed) {
        ScheduleChecks.counter(completed);
        double t = Math.min(completed, decaySteps);
        return (initial - end) * Math.pow(1 - t / decaySteps, power) + end;
    }
}
