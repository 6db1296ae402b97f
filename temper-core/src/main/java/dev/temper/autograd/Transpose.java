package dev.temper.autograd;

/** Swaps the last two axes. Backward: the gradient transposed back (made contiguous, gradients own their layout). */
public final class Transpose {
    private Transpose() {}

    public static Variable apply(Variable x) {
        return Variable.fromOp(x.value().transpose(), g -> x.accumulateGrad(g.transpose().contiguous()), x);
    }
}
