package dev.temper.autograd;

/** {@code a + b} with broadcasting. Each input's gradient is the upstream gradient summed to its shape. */
public final class Add {
    private Add() {}

    public static Variable apply(Variable a, Variable b) {
        return Variable.fromOp(a.value().add(b.value()), g -> {
            a.accumulateGrad(g.sumTo(a.shape()));
            b.accumulateGrad(g.sumTo(b.shape()));
        }, a, b);
    }
}
