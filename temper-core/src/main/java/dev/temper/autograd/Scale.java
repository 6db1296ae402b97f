package dev.temper.autograd;

/** {@code x * c} for a constant {@code c}: d/dx = g * c. */
public final class Scale {
    private Scale() {}

    public static Variable apply(Variable x, double factor) {
        return Variable.fromOp(x.value().mul(factor), g -> x.accumulateGrad(g.mul(factor)), x);
    }
}
