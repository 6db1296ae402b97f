package dev.temper.tune;

/**
 * How a study ended.
 *
 * @param best the best trial at the largest budget completed (null when every trial failed)
 * @param resumedJobs finished jobs read back from the journal rather than run now
 * @param steps budget steps (epochs) run by this call, replays of lost runs included
 * @param seconds wall time of this call
 * @param droppedTornLine whether the journal ended in a torn line (a crash mid-write) that was dropped
 */
public record StudyResult(StudyHistory history, Trial best, int resumedJobs, long steps, double seconds, boolean droppedTornLine) {}
