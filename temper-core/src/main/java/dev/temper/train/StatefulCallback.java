package dev.temper.train;

/**
 * A callback whose decisions depend on the epochs it has seen (a patience counter, a best value), so that a resumed
 * run must give it back what it had: {@link TrainingControl#checkpoint} stores {@link #exportState()} of every
 * stateful callback of the trainer, and a resumed {@link Trainer#fit} hands it to {@link #restoreState} before
 * {@link #onTrainBegin}. A callback whose state is not exported this way starts afresh on resume.
 */
public interface StatefulCallback extends Callback {

    /** The state as of now (called in {@link #onCheckpoint}, after this epoch's {@link #onEpochEnd}). */
    CallbackState exportState();

    /**
     * Loads an {@link #exportState()} of a callback with the same configuration; the next {@code fit} continues
     * from it instead of starting afresh.
     *
     * @throws IllegalArgumentException if the state lacks a value this callback needs
     */
    void restoreState(CallbackState state);
}
