/**
 * Hyperparameter search: a {@link dev.temper.tune.SearchSpace} of categorical, integer and float parameters
 * (uniform or log-uniform, optionally conditional on a categorical parent), {@link dev.temper.tune.Strategy}s
 * that propose what to evaluate next (grid, random, TPE, a Gaussian process with expected improvement,
 * Hyperband, ASHA), a {@link dev.temper.tune.Pruner} that stops poor trials early, and a
 * {@link dev.temper.tune.Study} that runs trials on parallel threads and records every event in an append-only
 * {@link dev.temper.tune.Journal}, so that a crashed study resumes without losing or repeating a finished trial.
 *
 * <p>Strategies hold no state of their own between calls: each suggestion is a function of the study's history
 * and a generator seeded by the study seed and the trial number. Replaying a journal therefore restores a study
 * exactly, whatever the strategy.
 *
 * <p>May import train and every package below it (nn, loss, metric, regularize, optim, data, autograd, tensor);
 * never io, cli or report. Prints nothing: progress goes to a {@link dev.temper.tune.StudyListener}.
 */
package dev.temper.tune;
