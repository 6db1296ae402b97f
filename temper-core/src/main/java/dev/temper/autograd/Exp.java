package dev.temper.autograd;

import dev.temper.tensor.Tensor;

/** {@code e^x}: d/dx = g * e^x (the forward result is reused). */
public final class Exp {
    private Exp() {}

    public static Variable apply(Variable x) {
        Tensor out = x.value().exp();
        return Variable.fromOp(out, g -> x.accumulateGrad(g.mul(out)), x);
    }
}
