package dev.temper.train;

/**
 * Hooks into {@link Trainer#fit}, with the meaning Keras gives them (https://keras.io/api/callbacks/base_callback/):
 * every method is a no-op by default, callbacks run in the order given to {@link Trainer#withCallbacks}, and a
 * callback changes the run only through the {@link TrainingControl} it is handed (request a stop, read or set
 * the learning rate, copy or load the weights), never by reaching into the trainer.
 *
 * <p>Epochs are numbered from 1, as in {@link EpochRecord} (Keras counts them from 0). A stop requested in any
 * hook takes effect after the current epoch has finished and been recorded; {@link #onTrainEnd} still runs. A stop
 * requested with {@link TrainingControl#stopNow} ends the epoch after the current batch instead: that epoch is
 * recorded (cut short) and {@link #onEpochEnd} runs, {@link #onCheckpoint} does not.
 *
 * <p>A run resumed from a checkpoint calls {@link #onTrainBegin} once, then continues with the epoch after the
 * checkpoint's; callbacks that implement {@link StatefulCallback} get their state back before that.
 */
public interface Callback {

    /** Before the first epoch. */
    default void onTrainBegin(TrainingControl control) {
    }

    /** Before epoch {@code epoch}'s first batch (a per-epoch learning-rate schedule acts here). */
    default void onEpochBegin(int epoch, TrainingControl control) {
    }

    /**
     * After the optimizer step (and post-steps) of one batch.
     *
     * @param step the batch's number in this fit, from 1, counted across epochs
     * @param batchLoss the batch's data loss (without penalties), measured before the step
     */
    default void onBatchEnd(int epoch, long step, double batchLoss, TrainingControl control) {
    }

    /** After the epoch's record has been added to the history (also for an epoch cut short by a stop). */
    default void onEpochEnd(EpochRecord record, TrainingControl control) {
    }

    /**
     * After every callback's {@link #onEpochEnd} of epoch {@code epoch}: the one point of an epoch where the run's
     * state is complete (each callback has counted the epoch, any stop is decided), so that a
     * {@link TrainingControl#checkpoint} taken here resumes the run exactly. {@link BackupAndRestore} and
     * {@link ModelCheckpoint} write their files here; a callback should change nothing here. Not called for an epoch
     * cut short by {@link TrainingControl#stopNow}: a checkpoint holds whole epochs only.
     */
    default void onCheckpoint(int epoch, TrainingControl control) {
    }

    /** After the last epoch, whether the run completed or was stopped. */
    default void onTrainEnd(History history, TrainingControl control) {
    }

    /** The older, epoch-only listener as a callback. */
    static Callback of(EpochListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("Callback.of: listener must not be null (use EpochListener.none())");
        }
        return new Callback() {
            @Override
            public void onEpochEnd(EpochRecord record, TrainingControl control) {
                listener.onEpochEnd(record);
            }
        };
    }
}
