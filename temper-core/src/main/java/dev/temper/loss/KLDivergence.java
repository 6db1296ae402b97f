package dev.temper.loss;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;

/**
 * Kullback-Leibler divergence {@code KL(t || q) = sum_j t_j (log t_j - log q_j)} in PyTorch's {@code KLDivLoss}
 * convention: the output is <b>log-probabilities</b> {@code x = log q} (e.g. from a log-softmax) and the targets
 * are probabilities {@code t}; terms with {@code t = 0} are 0. (Keras's {@code KLDivergence} takes probabilities
 * instead; apply a log-softmax to logits, or {@code log} to probabilities, to use this one.)
 *
 * <p>Per sample the terms are <b>summed</b> over the sample's elements, so {@link Reduction#MEAN} is PyTorch's
 * {@code reduction='batchmean'}, the true divergence averaged over the batch (PyTorch's {@code 'mean'} divides by
 * the number of elements, which its documentation warns is not the KL divergence). Gradient {@code -t}.
 */
public record KLDivergence(Reduction reduction) implements PerSampleLoss {
    private static final PointwiseFunction DIVERGENCE = new PointwiseFunction() {
        @Override
        public double value(double x, double t) {
            return t == 0 ? 0 : t * (Math.log(t) - x);
        }

        @Override
        public double derivative(double x, double t) {
            return -t;
        }
    };

    public KLDivergence {
        Losses.requireReduction("KLDivergence", reduction);
    }

    public KLDivergence() {
        this(Reduction.MEAN);
    }

    @Override
    public Variable perSample(Variable output, Tensor targets) {
        Tensor t = Targets.matching("KL divergence", output, targets);
        Targets.checkRange("KL divergence", t, 0, 1);
        return PointwiseLoss.apply(output, t, DIVERGENCE, false);
    }
}
