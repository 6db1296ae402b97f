package dev.temper.study;

/** What a running {@link Study} reports as it goes (progress lines, a live table); every method is a no-op by default. */
public interface StudyListener {

    /** Before run {@code index} (from 1) of {@code total} starts training. */
    default void onRunStart(RunKey key, int index, int total) {
    }

    /** After each epoch of a run being trained, with its planned epoch count. */
    default void onEpochEnd(RunKey key, EpochFigures epoch, int epochs) {
    }

    /**
     * After run {@code index} of {@code total} has finished and been written, or was found finished on disk
     * ({@code resumed}: nothing was trained).
     */
    default void onRunEnd(RunResult result, int index, int total, boolean resumed) {
    }

    static StudyListener none() {
        return new StudyListener() {};
    }
}
