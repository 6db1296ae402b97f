package dev.temper.autograd;

/** {@code a * b} elementwise with broadcasting: d/da = g * b, d/db = g * a. */
public final class Multiply {
    private Multiply() {}

    public static Variable apply(Variable a, Variable b) {
        return Variable.fromOp(a.value().mul(b.value()), (g, owned) -> {
            // b's gradient first: a's may then be written over g where g is ours (dropout's mask multiply)
            if (b.requiresGrad()) {
                b.accumulateFreshGrad(g.mul(a.value()).sumTo(b.shape()));
            }
            if (a.requiresGrad()) {
                boolean reuse = owned && g.shape().equals(a.shape()) && g.shape().equals(b.shape());
                a.accumulateFreshGrad(reuse ? g.mulInPlace(b.value()) : g.mul(b.value()).sumTo(a.shape()));
            }
        }, a, b);
    }
}
