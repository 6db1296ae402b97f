package dev.temper.regularize;

import dev.temper.autograd.Selector;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;
import dev.temper.tensor.UnaryOp;
import java.util.Map;

/**
 * L1 regularization by proximal gradient steps: after each optimizer step, every selected weight is
 * soft-thresholded, {@code w <- sign(w) * max(|w| - learningRate * lambda, 0)}: the proximal operator of
 * {@code learningRate * lambda * ||w||_1}. Unlike a subgradient of {@link L1} added to the loss, it sets small
 * weights to exactly zero, so the model is truly sparse (the lasso, Tibshirani 1996; proximal gradient / ISTA,
 * Daubechies, Defrise and De Mol 2004; Parikh and Boyd 2014, "Proximal algorithms", section 6.5.2).
 *
 * <p>The step is exact for plain SGD; with momentum or adaptive optimizers it is the usual heuristic (the
 * threshold uses the global learning rate, not the per-weight effective one).
 */
public record ProximalL1(double lambda, Selector selector) implements PostStep {
    public ProximalL1 {
        Penalty.checkStrength("ProximalL1", "lambda", lambda);
        if (selector == null) {
            throw new IllegalArgumentException("ProximalL1: selector must not be null");
        }
    }

    /** Soft-thresholding of the weights (rank >= 2), as usual for L1: biases are left alone. */
    public static ProximalL1 ofWeights(double lambda) {
        return new ProximalL1(lambda, Selector.weights());
    }

    @Override
    public void apply(Map<String, ? extends Variable> parameters, double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("ProximalL1: learningRate must be finite and >= 0, got " + learningRate);
        }
        double threshold = learningRate * lambda;
        for (Map.Entry<String, ? extends Variable> e : parameters.entrySet()) {
            Tensor w = e.getValue().value();
            if (selector.matches(e.getKey(), w)) {
                w.copyFromInPlace(softThreshold(w, threshold));
            }
        }
    }

    /** {@code sign(w) * max(|w| - threshold, 0)}, elementwise. */
    public static Tensor softThreshold(Tensor w, double threshold) {
        return w.abs().add(-threshold).relu().mul(w.apply(UnaryOp.SIGN));
    }

    /** The term name under which {@link #penaltyTerms} reports the penalty. */
    public static final String TERM = "proximal_l1";

    /** {@code lambda * ||w||_1} over the selected weights (the penalty these steps minimize), as term {@link #TERM}. */
    @Override
    public Map<String, Double> penaltyTerms(Map<String, ? extends Variable> parameters) {
        return Map.of(TERM, penalty(parameters));
    }

    /** {@code lambda * ||w||_1} over the selected weights. */
    public double penalty(Map<String, ? extends Variable> parameters) {
        double sum = 0;
        for (Map.Entry<String, ? extends Variable> e : parameters.entrySet()) {
            Tensor w = e.getValue().value();
            if (selector.matches(e.getKey(), w)) {
                sum += w.abs().sum().item();
            }
        }
        return lambda * sum;
    }
}
