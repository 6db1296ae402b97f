package dev.temper.autograd;

/** Natural logarithm: d/dx = g / x. */
public final class Log {
    private Log() {}

    public static Variable apply(Variable x) {
        return Variable.fromOp(x.value().log(), g -> x.accumulateGrad(g.div(x.value())), x);
    }
}
