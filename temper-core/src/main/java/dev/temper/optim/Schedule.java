package dev.temper.optim;

/**
 * A learning rate as a function of a counter. The counter is the number of steps (or epochs) already
 * completed: 0 for the first step, as PyTorch's {@code last_epoch} after construction. Given to
 * {@link Optimizer#setSchedule}, it is evaluated per step: step {@code t} (counting from 1) uses
 * {@code learningRate(t - 1)}. For a per-epoch schedule the caller evaluates {@code learningRate(epoch)} at
 * the start of each epoch (epochs counted from 0) and passes it to {@link Optimizer#setLearningRate}.
 */
@FunctionalInterface
public interface Schedule {

    /** The rate for the step (or epoch) after {@code completed} ones; never negative. */
    double learningRate(long completed);

    static Schedule constant(double learningRate) {
        if (!(learningRate >= 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("constant schedule: learningRate must be >= 0, got " + learningRate);
        }
        return completed -> learningRate;
    }
}
