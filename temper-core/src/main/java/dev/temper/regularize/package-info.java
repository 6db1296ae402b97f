/**
 * Regularization owned by the training run, not by the model: penalties added to the loss
 * ({@link dev.temper.regularize.Penalty}: {@link dev.temper.regularize.L1}, {@link dev.temper.regularize.L2},
 * {@link dev.temper.regularize.ElasticNet}), chosen per parameter by {@link dev.temper.autograd.Selector} in a
 * {@link dev.temper.regularize.Regularization}; penalties on layer outputs
 * ({@link dev.temper.regularize.ActivityPenalties}); and operations applied to the parameters after each
 * optimizer step ({@link dev.temper.regularize.PostStep}): {@link dev.temper.regularize.ProximalL1} and the
 * projections of {@link dev.temper.regularize.Constraints} ({@link dev.temper.regularize.MaxNorm},
 * {@link dev.temper.regularize.UnitNorm}, {@link dev.temper.regularize.NonNegative}).
 *
 * <p>May import {@code dev.temper.tensor} and {@code dev.temper.autograd} only; {@code dev.temper.train} uses it.
 */
package dev.temper.regularize;
