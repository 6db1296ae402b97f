package dev.temper.autograd;

import dev.temper.tensor.Tensor;

/** {@code s = 1 / (1 + e^-x)}: d/dx = g * s * (1 - s). */
public final class Sigmoid {
    private Sigmoid() {}

    public static Variable apply(Variable x) {
        Tensor s = x.value().sigmoid();
        return Variable.fromOp(s, g -> x.accumulateGrad(g.mul(s).mul(s.neg().add(1.0))), x);
    }
}
