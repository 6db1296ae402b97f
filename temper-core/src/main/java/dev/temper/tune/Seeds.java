package dev.temper.tune;

import dev.temper.tensor.Rng;

/**
 * Seeds derived from the study seed: each trial's own seed, and the generator a strategy draws a new trial's
 * configuration from. Both depend only on the study seed and the trial number, so trial 7 gets the same seed and
 * the same random proposal whether it runs first, last, on another thread, or after a resume.
 */
public final class Seeds {
    private static final long TRIAL_STREAM = 0x7472_6961_6C00_0001L;
    private static final long PROPOSAL_STREAM = 0x7072_6F70_6F73_0002L;

    private Seeds() {}

    /** Trial {@code trial}'s seed: what its model initialization, shuffling and dropout draw from. */
    public static long trialSeed(long studySeed, int trial) {
        return mix(studySeed ^ TRIAL_STREAM, trial);
    }

    /** The generator a strategy draws trial {@code trial}'s proposal from. */
    public static Rng proposal(long studySeed, int trial) {
        return new Rng(mix(studySeed ^ PROPOSAL_STREAM, trial));
    }

    /** SplitMix64's finalizer over the pair: nearby inputs give unrelated outputs. */
    static long mix(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
