package dev.temper.autograd;

import dev.temper.tensor.Tensor;

/**
 * Log-softmax along the last axis, {@code y_i = x_i - log sum_j e^{x_j}} (computed with log-sum-exp).
 * Backward: {@code dx = g - softmax(x) * sum_j g_j} per row.
 */
public final class LogSoftmax {
    private LogSoftmax() {}

    public static Variable apply(Variable x) {
        Tensor y = x.value().logSoftmax();
        return Variable.fromOp(y, g -> x.accumulateGrad(g.sub(y.exp().mul(g.sum(true, -1)))), x);
    }
}
