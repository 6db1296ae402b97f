/**
 * Side-by-side studies: one network trained on one dataset under several {@link dev.temper.study.Regime}s (named
 * changes to the model and/or the trainer), each with several seeds, measured the same way and compared.
 *
 * <p>A {@link dev.temper.study.Study} runs regimes x seeds one after another, persists each finished run atomically
 * under {@code DIR/runs/<regime>/seed-<k>/} ({@link dev.temper.study.RunFiles}), skips runs already finished when it
 * is run again (so an interrupted study resumes), and aggregates them into a {@link dev.temper.study.StudyResult}:
 * per regime, mean and standard deviation over seeds of every {@link dev.temper.study.Quantity}.
 *
 * <p>Every figure is measured in inference mode on clean data: the training set is re-evaluated after each epoch
 * (dropout off, no augmentation), so the generalization gap is never flattered by a noisy training figure.
 *
 * <p>May import train and everything below it (nn, loss, metric, regularize, optim, data, autograd, io, tensor);
 * the report and the command line build on it.
 */
package dev.temper.study;
