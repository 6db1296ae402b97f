package dev.temper.loss;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;

/**
 * {@code mean((output - target)^2)} over every element, composed from autograd primitives (subtract, square,
 * mean): its gradient is {@code 2 (output - target) / N}. Targets must have the output's shape; a {@code [batch]}
 * target for a {@code [batch, 1]} output is accepted and reshaped, a common case in regression.
 */
public final class MeanSquaredError implements Loss {
    @Override
    public Variable compute(Variable output, Tensor targets) {
        Tensor t = targets;
        if (!t.shape().equals(output.shape())) {
            if (t.size() == output.value().size() && output.shape().rank() == 2 && output.shape().dim(1) == 1 && t.rank() == 1) {
                t = t.reshape(output.shape().toArray());
            } else {
                throw new IllegalArgumentException("mean squared error: output " + output.shape() + " and targets " + targets.shape() + " differ in shape");
            }
        }
        return output.sub(Variable.constant(t.to(output.value().dtype()))).square().mean();
    }
}
