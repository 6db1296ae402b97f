package dev.temper.tune;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A snapshot of one trial: its configuration and seed, where it stands, the value after every budget step
 * reported so far, and the value at the end of each finished job by the job's budget (NaN for a job that failed
 * or was pruned, so that it ranks last wherever jobs are compared).
 *
 * @param budget the budget of its latest job
 * @param value the value at the end of its latest finished job; NaN while none has finished, or when it failed
 * @param seconds wall time of all its jobs
 * @param epochs budget steps run for it in all
 */
public record Trial(int number, Configuration configuration, long seed, TrialState state, int budget,
                    SortedMap<Integer, Double> steps, SortedMap<Integer, Double> finishedAt, double value,
                    String reason, double seconds, int epochs) {
    public Trial {
        steps = Collections.unmodifiableSortedMap(new TreeMap<>(steps));
        finishedAt = Collections.unmodifiableSortedMap(new TreeMap<>(finishedAt));
    }

    /** Whether the trial has a usable value: complete or pruned, with a finite value. */
    public boolean hasValue() {
        return (state == TrialState.COMPLETE || state == TrialState.PRUNED) && Double.isFinite(value);
    }

    /** The value at the end of the job to {@code budget}: NaN when that job failed or was pruned, or none ran. */
    public double valueAt(int budget) {
        Double v = finishedAt.get(budget);
        return v == null ? Double.NaN : v;
    }

    /** Whether a job to {@code budget} has ended (in any state). */
    public boolean finishedJob(int budget) {
        return finishedAt.containsKey(budget);
    }
}
