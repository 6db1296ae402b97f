package dev.temper.autograd;

import dev.temper.tensor.Tensor;

/**
 * Softmax along the last axis, {@code s_i = e^{x_i} / sum_j e^{x_j}}.
 * Backward: {@code dx = s * (g - sum_j g_j s_j)} per row.
 */
public final class Softmax {
    private Softmax() {}

    public static Variable apply(Variable x) {
        Tensor s = x.value().softmax();
        return Variable.fromOp(s, g -> {
            Tensor dot = g.mul(s).sum(true, -1);
            x.accumulateGrad(s.mul(g.sub(dot)));
        }, x);
    }
}
