/**
 * Optimizers as chains of gradient transforms (after optax): {@link dev.temper.optim.GradientTransform},
 * {@link dev.temper.optim.Chain}, and the recipes {@link dev.temper.optim.Sgd} and {@link dev.temper.optim.Adam},
 * applied by {@link dev.temper.optim.Optimizer}.
 *
 * <p>May import {@code dev.temper.tensor} and {@code dev.temper.autograd}; never {@code dev.temper.nn}: an
 * optimizer sees parameters and gradients only.
 */
package dev.temper.optim;
