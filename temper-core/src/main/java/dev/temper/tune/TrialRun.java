package dev.temper.tune;

/**
 * One configuration being evaluated, one budget step at a time (an epoch of training; a single evaluation for a
 * plain function). A study runs a job to budget {@code b} by calling {@link #advance()} until {@code b} steps have
 * run; a multi-fidelity strategy may later continue the same run to a larger budget.
 *
 * <p>Contract that makes crash recovery exact: the value after step {@code k} depends only on the configuration,
 * the seed and {@code k}, never on how the steps were split into jobs. A study that lost a paused run (after a
 * crash, or when it evicts runs to bound memory) replays it from step 1 and gets the same values.
 */
public interface TrialRun extends AutoCloseable {

    /**
     * Runs one more step and returns the objective's value after it. A NaN or infinite value marks the trial failed
     * (diverged); an exception marks it failed with the exception's message.
     */
    double advance() throws Exception;

    /** Releases what the run holds (a model, its optimizer state). */
    @Override
    default void close() {
    }
}
