/**
 * Training objectives: {@link dev.temper.loss.Loss} and its kinds. Regression: mean squared and absolute error,
 * Huber, log-cosh. Classification: binary cross-entropy on probabilities and on logits, binary focal loss, hinge
 * and squared hinge, categorical cross-entropy on class indices or probability rows (label smoothing, class
 * weights), KL divergence. Every kind but the original {@link dev.temper.loss.SoftmaxCrossEntropyLoss} is a
 * {@link dev.temper.loss.PerSampleLoss}: one term per sample, then a {@link dev.temper.loss.Reduction} (mean,
 * sum, none) and optional per-sample weights.
 *
 * <p>May import {@code dev.temper.tensor} and {@code dev.temper.autograd}.
 */
package dev.temper.loss;
