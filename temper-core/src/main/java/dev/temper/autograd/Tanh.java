package dev.temper.autograd;

import dev.temper.tensor.Tensor;

/** {@code t = tanh x}: d/dx = g * (1 - t^2). */
public final class Tanh {
    private Tanh() {}

    public static Variable apply(Variable x) {
        Tensor t = x.value().tanh();
        return Variable.fromOp(t, g -> x.accumulateGrad(g.mul(t.square().neg().add(1.0))), x);
    }
}
