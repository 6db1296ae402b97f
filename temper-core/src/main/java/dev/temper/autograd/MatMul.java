package dev.temper.autograd;

import dev.temper.tensor.Tensor;

/**
 * Matrix product {@code a @ b} (2-D or batched). Backward: {@code da = g @ b^T}, {@code db = a^T @ g}, each
 * summed over batch dimensions that were broadcast. The transposes are views: GEMM reads them with flags.
 */
public final class MatMul {
    private MatMul() {}

    public static Variable apply(Variable a, Variable b) {
        return Variable.fromOp(a.value().matmul(b.value()), g -> {
            if (a.requiresGrad()) {
                Tensor ga = g.matmul(b.value().transpose());
                a.accumulateGrad(ga.sumTo(a.shape()));
            }
            if (b.requiresGrad()) {
                Tensor gb = a.value().transpose().matmul(g);
                b.accumulateGrad(gb.sumTo(b.shape()));
            }
        }, a, b);
    }
}
