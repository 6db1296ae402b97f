package dev.temper.regularize;

import dev.temper.autograd.Variable;
import java.util.Map;

/**
 * An operation on the parameters right after each optimizer step: a projection ({@link Constraints}) or a
 * proximal step ({@link ProximalL1}). It changes parameter values in place, outside the autograd graph.
 */
public interface PostStep {

    /**
     * Applies the operation to {@code parameters} (by dotted path).
     *
     * @param learningRate the learning rate the optimizer step just used (proximal steps scale by it)
     */
    void apply(Map<String, ? extends Variable> parameters, double learningRate);

    /**
     * The part of the training objective this operation stands for, at the current values (for logs): a proximal
     * step minimizes a penalty that is never added to the loss, so the trainer reports it here. 0 for projections.
     */
    default double penalty(Map<String, ? extends Variable> parameters) {
        return 0.0;
    }
}
