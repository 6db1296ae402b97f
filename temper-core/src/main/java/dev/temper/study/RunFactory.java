package dev.temper.study;

import dev.temper.tensor.Rng;

/**
 * The study's base run: builds a fresh {@link RunSetup} for each run, drawing the model's initial weights from
 * {@code rng} (the run's generator; the trainer draws its shuffling and dropout from the same generator after).
 * Regimes change the setup after it is built, so with the same seed every regime starts from the same weights.
 */
@FunctionalInterface
public interface RunFactory {
    RunSetup create(Rng rng);
}
