package dev.temper.nn;

/** Whether a forward pass is for training (dropout active, batch statistics) or for inference. */
public enum Mode {
    TRAIN,
    EVAL,
    /**
     * Inference in which only the dropout family keeps sampling (Monte Carlo dropout, Gal and Ghahramani 2016):
     * everything else, batch normalization included, behaves as in {@link #EVAL}. Only ever asked for
     * deliberately ({@link MonteCarloDropout}); {@link #EVAL} stays deterministic.
     */
    MONTE_CARLO
}
