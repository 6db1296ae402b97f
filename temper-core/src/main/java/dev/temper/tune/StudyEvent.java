package dev.temper.tune;

/**
 * What the journal records, one line each: a job started (a trial's first job carries its configuration), a
 * value reported after one budget step (an epoch), a job finished. A study's history is these events replayed.
 */
public sealed interface StudyEvent permits StudyEvent.Started, StudyEvent.Reported, StudyEvent.Finished {

    int trial();

    /**
     * A job of trial {@code trial} to budget {@code budget} started.
     *
     * @param configuration the trial's configuration (repeated on every job, so each line stands alone)
     * @param seed the trial's own seed, derived from the study seed and the trial number
     */
    record Started(int trial, int budget, Configuration configuration, long seed) implements StudyEvent {}

    /** The value after budget step {@code step} (from 1). */
    record Reported(int trial, int step, double value) implements StudyEvent {}

    /**
     * A job ended.
     *
     * @param value the value at the job's end (NaN when it failed)
     * @param reason why it failed or was pruned; empty when complete
     * @param epochs budget steps this job actually ran (more than its share when an evicted run was redone)
     */
    record Finished(int trial, int budget, TrialState state, double value, String reason, double seconds, int epochs)
            implements StudyEvent {}
}
