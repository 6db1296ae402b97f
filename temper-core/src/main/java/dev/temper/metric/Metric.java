package dev.temper.metric;

import dev.temper.tensor.Tensor;

/**
 * A quality measure accumulated over the mini-batches of an epoch: {@link #update} once per batch with the
 * model's outputs and the batch's targets (plain tensors, no graph), {@link #result} at the end, {@link #reset}
 * before the next epoch. A result over several batches equals the result over their concatenation (exactly, up to
 * floating-point summation order): metrics keep sums and counts, or the scores themselves where no sum suffices
 * (ROC-AUC).
 *
 * <p>A metric object holds state, so a trainer that measures both training and validation data asks for a
 * {@link #fresh()} copy for each.
 */
public interface Metric {

    /** Stable snake_case name used in histories and reports, e.g. {@code accuracy}, {@code top_5_accuracy}. */
    String name();

    /** Adds one batch. Shapes are documented by each metric; bad input gets an IllegalArgumentException. */
    void update(Tensor predictions, Tensor targets);

    /** The value over everything seen since the last reset; NaN when nothing has been seen. */
    double result();

    /** Forgets everything seen. */
    void reset();

    /** A new metric with the same configuration and no state. */
    Metric fresh();
}
