package dev.temper.train;

import java.util.function.IntToDoubleFunction;

/**
 * Sets the learning rate at the start of every epoch from a function of the epoch number (from 1; Keras's
 * {@code LearningRateScheduler} passes the 0-based index, https://keras.io/api/callbacks/learning_rate_scheduler/).
 * The rate is set with {@link TrainingControl#setLearningRate}, so it replaces any step schedule on the optimizer.
 */
public final class LearningRateScheduler implements Callback {
    private final IntToDoubleFunction schedule;

    public LearningRateScheduler(IntToDoubleFunction schedule) {
        if (schedule == null) {
            throw new IllegalArgumentException("LearningRateScheduler: schedule must not be null");
        }
        this.schedule = schedule;
    }

    @Override
    public void onEpochBegin(int epoch, TrainingControl control) {
        double rate = schedule.applyAsDouble(epoch);
        if (!(rate >= 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("LearningRateScheduler: schedule gave learningRate " + rate
                    + " for epoch " + epoch + ", expected a finite rate >= 0");
        }
        control.setLearningRate(rate);
    }
}
