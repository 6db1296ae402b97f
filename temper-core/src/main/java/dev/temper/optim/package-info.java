/**
 * Optimizers as chains of gradient transforms (after optax). {@link dev.temper.optim.GradientTransform} stages
 * ({@link dev.temper.optim.Trace}, {@link dev.temper.optim.ScaleByAdam}, {@link dev.temper.optim.ScaleByRms},
 * {@link dev.temper.optim.ScaleByAdagrad}, {@link dev.temper.optim.ScaleByAdadelta},
 * {@link dev.temper.optim.ScaleByNadam}, {@link dev.temper.optim.ScaleByLion},
 * {@link dev.temper.optim.AddDecayedWeights}, {@link dev.temper.optim.ClipByValue}) compose with
 * {@link dev.temper.optim.Chain}; {@link dev.temper.optim.Optimizer} applies the result with the learning rate
 * (constant or a {@link dev.temper.optim.Schedule}), per-parameter rate multipliers chosen by
 * {@link dev.temper.autograd.Selector}, and optional clipping by global norm; its state saves and restores
 * exactly ({@link dev.temper.optim.OptimizerState}). Recipes with their papers' or PyTorch's defaults:
 * {@link dev.temper.optim.Sgd}, {@link dev.temper.optim.Adagrad}, {@link dev.temper.optim.RmsProp},
 * {@link dev.temper.optim.Adadelta}, {@link dev.temper.optim.Adam}, {@link dev.temper.optim.AdamW},
 * {@link dev.temper.optim.Nadam}, {@link dev.temper.optim.Lion}.
 *
 * <p>May import {@code dev.temper.tensor} and {@code dev.temper.autograd}; never {@code dev.temper.nn}: an
 * optimizer sees parameters and gradients only.
 */
package dev.temper.optim;
