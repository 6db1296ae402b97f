/**
 * Metrics computed from outputs and targets, outside the graph. {@link dev.temper.metric.Metric} is accumulated
 * over an epoch's mini-batches (update, result, reset): accuracy (binary, categorical, top-k), precision, recall
 * and F1 (binary, macro, micro, from a {@link dev.temper.metric.ConfusionMatrix}), ROC-AUC, MAE, RMSE and R^2.
 * {@link dev.temper.metric.Accuracy} is the static helper the trainer uses today.
 *
 * <p>May import {@code dev.temper.tensor}.
 */
package dev.temper.metric;
