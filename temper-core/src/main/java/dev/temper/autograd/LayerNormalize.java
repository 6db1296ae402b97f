package dev.temper.autograd;

import dev.temper.tensor.RowNormalization;
import dev.temper.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Layer normalization over the last axis as one fused op (Ba, Kiros and Hinton 2016):
 * {@code y = gamma (x - mean) / sqrt(var + eps) + beta}, statistics per example, {@code gamma, beta [D]}.
 */
public final class LayerNormalize {
    private LayerNormalize() {}

    public static Variable apply(Variable x, Variable gamma, Variable beta, double epsilon) {
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("layer normalization: epsilon must be > 0, got " + epsilon);
        }
        if (x.shape().rank() < 1) {
            throw new IllegalArgumentException("layer normalization: needs at least one axis, got a scalar");
        }
        int d = x.shape().dim(x.shape().rank() - 1);
        for (Variable p : new Variable[] {gamma, beta}) {
            if (p != null && (p.shape().rank() != 1 || p.shape().dim(0) != d)) {
                throw new IllegalArgumentException("layer normalization: gamma and beta must have shape [" + d
                        + "] for input " + x.shape() + ", got " + p.shape());
            }
        }
        RowNormalization.Forward f = RowNormalization.forward(x.value(), gamma == null ? null : gamma.value(),
                beta == null ? null : beta.value(), epsilon);
        List<Variable> inputs = new ArrayList<>(List.of(x));
        if (gamma != null) {
            inputs.add(gamma);
        }
        if (beta != null) {
            inputs.add(beta);
        }
        return Variable.fromOp(f.output(), g -> {
            Tensor[] grads = RowNormalization.backward(g, x.value(), gamma == null ? null : gamma.value(), f.mean(), f.invStd());
            if (x.requiresGrad()) {
                x.accumulateGrad(grads[0]);
            }
            if (gamma != null && gamma.requiresGrad()) {
                gamma.accumulateGrad(grads[1].to(gamma.value().dtype()));
            }
            if (beta != null && beta.requiresGrad()) {
                beta.accumulateGrad(grads[2].to(beta.value().dtype()));
            }
        }, inputs.toArray(new Variable[0]));
    }
}
