package dev.temper.autograd;

import dev.temper.tensor.Tensor;
import dev.temper.tensor.UnaryOp;

/**
 * {@code |x|}: d/dx = g * sign(x), taken as 0 at x = 0 (the subgradient PyTorch's {@code abs} and TensorFlow's
 * {@code abs} use). The kink at 0 is why an L1 penalty never lands a weight exactly on zero by gradient steps
 * alone; {@code ProximalL1} in {@code dev.temper.regularize} does.
 */
public final class Abs {
    private Abs() {}

    public static Variable apply(Variable x) {
        Tensor in = x.value();
        return Variable.fromOp(in.abs(), g -> x.accumulateGrad(g.mul(in.apply(UnaryOp.SIGN))), x);
    }
}
