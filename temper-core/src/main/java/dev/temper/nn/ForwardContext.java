package dev.temper.nn;

import dev.temper.tensor.Rng;

/**
 * What a forward pass needs besides its input: the mode, and the generator that stochastic layers (dropout) draw
 * from. Passed down explicitly: there is no global training flag and no global generator.
 */
public record ForwardContext(Mode mode, Rng rng) {
    public ForwardContext {
        if (mode == null) {
            throw new IllegalArgumentException("mode must not be null");
        }
        if (mode == Mode.TRAIN && rng == null) {
            throw new IllegalArgumentException("a TRAIN forward pass needs a generator (rng), got null");
        }
    }

    public static ForwardContext training(Rng rng) {
        return new ForwardContext(Mode.TRAIN, rng);
    }

    /** Inference: deterministic, no generator. */
    public static ForwardContext inference() {
        return new ForwardContext(Mode.EVAL, null);
    }

    public boolean training() {
        return mode == Mode.TRAIN;
    }
}
