package dev.temper.autograd;

/** {@code a - b} with broadcasting: d/da = g, d/db = -g (each summed to its input's shape). */
public final class Subtract {
    private Subtract() {}

    public static Variable apply(Variable a, Variable b) {
        return Variable.fromOp(a.value().sub(b.value()), g -> {
            a.accumulateGrad(g.sumTo(a.shape()));
            if (b.requiresGrad()) {
                b.accumulateGrad(g.neg().sumTo(b.shape()));
            }
        }, a, b);
    }
}
