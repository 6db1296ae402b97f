package dev.temper.loss;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;

/**
 * A loss that is a sum of one term per sample, so that reduction and sample weights are shared by every kind:
 * {@link #perSample} gives the {@code [batch]} terms {@code l_i}, and
 *
 * <pre>
 *   MEAN: sum_i s_i l_i / D     SUM: sum_i s_i l_i     NONE: [s_i l_i]
 * </pre>
 *
 * with sample weights {@code s_i} (1 when none are given) and {@code D} from {@link #meanDenominator}: the batch
 * size, except for class-weighted cross-entropy on class indices, where PyTorch divides by the sum of the targets'
 * class weights. As in Keras, sample weights scale the terms and do not change the denominator. A denominator of
 * 0 (an empty batch) gives a loss of 0.
 */
public interface PerSampleLoss extends Loss {

    /** The {@code [batch]} per-sample losses (before weights and reduction). */
    Variable perSample(Variable output, Tensor targets);

    Reduction reduction();

    /** What {@link Reduction#MEAN} divides by: the batch size unless a loss says otherwise. */
    default double meanDenominator(Tensor targets, int batch) {
        return batch;
    }

    @Override
    default Variable compute(Variable output, Tensor targets) {
        return compute(output, targets, null);
    }

    @Override
    default Variable compute(Variable output, Tensor targets, Tensor sampleWeights) {
        Variable terms = perSample(output, targets);
        int batch = terms.shape().dim(0);
        if (sampleWeights != null) {
            if (sampleWeights.rank() != 1 || sampleWeights.dim(0) != batch) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": sampleWeights must have shape [" + batch + "] (one per sample), got " + sampleWeights.shape());
            }
            terms = terms.mul(Variable.constant(sampleWeights.to(terms.value().dtype())));
        }
        switch (reduction()) {
            case NONE:
                return terms;
            case SUM:
                return terms.sum();
            default:
                double denominator = meanDenominator(targets, batch);
                return terms.sum().mul(denominator == 0 ? 1.0 : 1.0 / denominator);
        }
    }
}
