/**
 * The training loop: {@link dev.temper.train.Trainer} (fit, evaluate, predict), {@link dev.temper.train.History},
 * and {@link dev.temper.train.Callback}s with Keras's semantics ({@link dev.temper.train.EarlyStopping},
 * {@link dev.temper.train.ReduceLROnPlateau}, {@link dev.temper.train.LearningRateScheduler},
 * {@link dev.temper.train.TerminateOnNaN}, {@link dev.temper.train.CsvLogger}), which act on a run only through
 * {@link dev.temper.train.TrainingControl}.
 *
 * <p>May import every package below it: tensor, autograd, nn, loss, metric, regularize, optim, data.
 */
package dev.temper.train;
