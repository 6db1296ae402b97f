package dev.temper.autograd;

/** {@code x^2}: d/dx = 2 g x. */
public final class Square {
    private Square() {}

    public static Variable apply(Variable x) {
        return Variable.fromOp(x.value().square(), g -> x.accumulateGrad(g.mul(x.value()).mul(2.0)), x);
    }
}
