package dev.temper.loss;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;

/** A training objective: the model's output and the batch's targets in, a scalar (mean over the batch) out. */
public interface Loss {

    Variable compute(Variable output, Tensor targets);

    /** Whether targets are class indices (so accuracy means something). */
    default boolean classification() {
        return false;
    }
}
