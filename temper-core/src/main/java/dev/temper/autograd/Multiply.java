package dev.temper.autograd;

/** {@code a * b} elementwise with broadcasting: d/da = g * b, d/db = g * a. */
public final class Multiply {
    private Multiply() {}

    public static Variable apply(Variable a, Variable b) {
        return Variable.fromOp(a.value().mul(b.value()), g -> {
            if (a.requiresGrad()) {
                a.accumulateGrad(g.mul(b.value()).sumTo(a.shape()));
            }
            if (b.requiresGrad()) {
                b.accumulateGrad(g.mul(a.value()).sumTo(b.shape()));
            }
        }, a, b);
    }
}
