/**
 * The training loop: {@link dev.temper.train.Trainer} (fit, evaluate, predict), {@link dev.temper.train.History},
 * and {@link dev.temper.train.Callback}s with Keras's semantics ({@link dev.temper.train.EarlyStopping},
 * {@link dev.temper.train.ReduceLROnPlateau}, {@link dev.temper.train.LearningRateScheduler},
 * {@link dev.temper.train.TerminateOnNaN}, {@link dev.temper.train.CsvLogger}, {@link dev.temper.train.ModelCheckpoint},
 * {@link dev.temper.train.BackupAndRestore}), which act on a run only through {@link dev.temper.train.TrainingControl}.
 *
 * <p>Checkpoints: a {@link dev.temper.train.TrainingCheckpoint} is the whole state of a run after an epoch (weights,
 * optimizer, generator streams, history, the state of every {@link dev.temper.train.StatefulCallback}), kept in one
 * safetensors file by {@link dev.temper.train.CheckpointFile}; a run resumed from it is bit for bit the
 * uninterrupted one.
 *
 * <p>May import every package below it: tensor, io, autograd, nn, loss, metric, regularize, optim, data.
 */
package dev.temper.train;
