/**
 * Reverse-mode automatic differentiation, define-by-run: {@link dev.temper.autograd.Variable},
 * {@link dev.temper.autograd.Parameter}, one op per class (forward and backward side by side),
 * {@link dev.temper.autograd.NoGrad} scopes, and the public {@link dev.temper.autograd.GradCheck}.
 *
 * <p>May import {@code dev.temper.tensor} only.
 */
package dev.temper.autograd;
