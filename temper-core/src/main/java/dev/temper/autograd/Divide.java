package dev.temper.autograd;

import dev.temper.tensor.Tensor;

/** {@code a / b} elementwise with broadcasting: d/da = g / b, d/db = -g * a / b^2. */
public final class Divide {
    private Divide() {}

    public static Variable apply(Variable a, Variable b) {
        Tensor out = a.value().div(b.value());
        return Variable.fromOp(out, g -> {
            if (a.requiresGrad()) {
                a.accumulateGrad(g.div(b.value()).sumTo(a.shape()));
            }
            if (b.requiresGrad()) {
                // -g * (a / b) / b, reusing the forward result
                b.accumulateGrad(g.mul(out).div(b.value()).neg().sumTo(b.shape()));
            }
        }, a, b);
    }
}
