package dev.temper.optim;

import java.util.Arrays;

/**
 * {@code initial * gamma^(number of milestones <= t)}: PyTorch's {@code MultiStepLR} (milestones strictly
 * increasing, in the same unit as t).
 */
public record MultiStepDecay(double initial, long[] milestones, double gamma) implements Schedule {
    public MultiStepDecay {
        ScheduleChecks.rate("MultiStepDecay", "initial", initial);
        ScheduleChecks.factor("MultiStepDecay", "gamma", gamma);
        milestones = milestones.clone();
        for (int i = 0; i < milestones.length; i++) {
            if (milestones[i] <= 0 || (i > 0 && milestones[i] <= milestones[i - 1])) {
                throw new IllegalArgumentException("MultiStepDecay: milestones must be positive and strictly "
                        + "increasing, got " + Arrays.toString(milestones));
            }
        }
    }

    @Override
    public long[] milestones() {
        return milestones.clone();
    }

    @Override
    public double learningRate(long completed) {
        ScheduleChecks.counter(completed);
        int passed = 0;
        while (passed < milestones.length && milestones[passed] <= completed) {
            passed++;
        }
        return initial * Math.pow(gamma, passed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiStepDecay m && m.initial == initial && m.gamma == gamma
                && Arrays.equals(m.milestones, milestones);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(initial) * 31 + Arrays.hashCode(milestones) * 17 + Double.hashCode(gamma);
    }

    @Override
    public String toString() {
        return "MultiStepDecay[initial=" + initial + ", milestones=" + Arrays.toString(milestones) + ", gamma="
                + gamma + "]";
    }
}
