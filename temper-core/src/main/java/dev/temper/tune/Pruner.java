package dev.temper.tune;

/**
 * Decides, after each reported step, whether a running trial should stop early. Works with any strategy: the
 * study asks it after every step of every job.
 */
public interface Pruner {

    /**
     * A reason to stop {@code trial} now that it has reported {@code step} ({@link Trial#steps()} includes it), or
     * null to let it run on.
     */
    String prune(Trial trial, int step, StudyHistory history);

    /** Never prunes. */
    static Pruner none() {
        return (trial, step, history) -> null;
    }
}
