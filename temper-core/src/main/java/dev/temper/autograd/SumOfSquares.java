package dev.temper.autograd;

import dev.temper.tensor.Tensor;

/**
 * {@code sum of x^2} over all elements, as one op: d/dx = 2 g x. The kernel of the L2 penalty: forward is one
 * pass with no {@code x^2} tensor, and backward adds {@code 2 g x} straight into x's gradient (in place where x
 * owns it, see {@link Variable#accumulateScaledGrad}) instead of broadcasting g, multiplying twice and adding.
 * The gradient has the bits of {@code x.square().sum()}'s; the value may differ from it in the last bits (the sum is
 * taken in another, faster order: {@link Tensor#sumOfSquares()}).
 */
public final class SumOfSquares {
    private SumOfSquares() {}

    public static Variable apply(Variable x) {
        return Variable.fromOp(x.value().sumOfSquares(), g -> x.accumulateScaledGrad(2.0 * g.item(), x.value()), x);
    }
}
