/**
 * Training objectives: {@link dev.temper.loss.Loss} and its kinds (softmax cross-entropy, mean squared error).
 *
 * <p>May import {@code dev.temper.tensor} and {@code dev.temper.autograd}.
 */
package dev.temper.loss;
