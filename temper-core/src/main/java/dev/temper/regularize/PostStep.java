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
     * The part of the training objective this operation stands for, at the current values, by term name (for
     * logs): a proximal step minimizes a penalty that is never added to the loss, so the trainer reports it from
     * here. Empty for projections.
     */
    default Map<String, Double> penaltyTerms(Map<String, ? extends Variable> parameters) {
        return Map.of();
    }
}
