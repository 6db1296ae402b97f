package dev.temper.loss;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;

/**
 * A training objective: the model's output and the batch's targets in, a scalar (by default the mean over the
 * batch) out. Most kinds are {@link PerSampleLoss}es, which can also sum, or return per-sample values.
 */
public interface Loss {

    Variable compute(Variable output, Tensor targets);

    /**
     * The loss with each sample's term multiplied by {@code sampleWeights[i]} (a {@code [batch]} tensor), Keras's
     * {@code sample_weight}. Losses that have no per-sample form accept only {@code null} here.
     */
    default Variable compute(Variable output, Tensor targets, Tensor sampleWeights) {
        if (sampleWeights != null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": sampleWeights are not supported by this loss, got shape " + sampleWeights.shape());
        }
        return compute(output, targets);
    }

    /** Whether targets are class indices (so accuracy means something). */
    default boolean classification() {
        return false;
    }
}
