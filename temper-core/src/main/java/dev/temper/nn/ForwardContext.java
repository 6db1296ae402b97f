package dev.temper.nn;

import dev.temper.tensor.Rng;

/**
 * What a forward pass needs besides its input: the mode, the generator that stochastic layers (dropout) draw
 * from, and optionally a recorder of named outputs for activity penalties. Passed down explicitly: there is no
 * global training flag and no global generator.
 */
public record ForwardContext(Mode mode, Rng rng, ActivityRecorder activities) {
    public ForwardContext(Mode mode, Rng rng) {
        this(mode, rng, null);
    }

    public ForwardContext {
        if (mode == null) {
            throw new IllegalArgumentException("mode must not be null");
        }
        if (mode != Mode.EVAL && rng == null) {
            throw new IllegalArgumentException("a " + mode + " forward pass needs a generator (rng), got null");
        }
    }

    public static ForwardContext training(Rng rng) {
        return new ForwardContext(Mode.TRAIN, rng);
    }

    /** Training that also records {@link ActivityRegularization} outputs into {@code activities}. */
    public static ForwardContext training(Rng rng, ActivityRecorder activities) {
        return new ForwardContext(Mode.TRAIN, rng, activities);
    }

    /** Inference: deterministic, no generator. */
    public static ForwardContext inference() {
        return new ForwardContext(Mode.EVAL, null);
    }

    /** Inference with the dropout family still sampling, for {@link MonteCarloDropout}. */
    public static ForwardContext monteCarlo(Rng rng) {
        return new ForwardContext(Mode.MONTE_CARLO, rng);
    }

    /** Training proper: batch statistics, running estimates updated. False in {@link Mode#MONTE_CARLO}. */
    public boolean training() {
        return mode == Mode.TRAIN;
    }

    /** Whether dropout-family layers draw masks or noise: in training and in Monte Carlo inference only. */
    public boolean dropoutActive() {
        return mode == Mode.TRAIN || mode == Mode.MONTE_CARLO;
    }
}
