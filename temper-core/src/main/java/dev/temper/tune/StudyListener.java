package dev.temper.tune;

/**
 * Progress of a study, for a live display. Called from the study's threads (the coordinator and the trial
 * workers), one call at a time: implementations need no locking of their own but must return quickly.
 */
public interface StudyListener {

    /** A job started: trial {@code trial}, to {@code budget} steps. */
    default void onJobStarted(int trial, Configuration configuration, int budget) {
    }

    /** A job ended; {@code trial} is the trial's new snapshot. */
    default void onJobFinished(Trial trial, StudyHistory history) {
    }

    static StudyListener none() {
        return new StudyListener() {};
    }
}
