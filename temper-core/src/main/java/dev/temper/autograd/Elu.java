package dev.temper.autograd;

import dev.temper.tensor.ActivationKernels;
import dev.temper.tensor.Tensor;

/**
 * ELU, {@code x if x > 0 else alpha (e^x - 1)}: d/dx = g where x > 0, else {@code g * alpha e^x} (the left branch
 * at 0, as PyTorch). Clevert, Unterthiner and Hochreiter, "Fast and accurate deep network learning by exponential
 * linear units (ELUs)", ICLR 2016. {@code e^x - 1} is computed with {@code expm1}, exact near 0.
 */
public final class Elu {
    private Elu() {}

    public static Variable apply(Variable x, double alpha) {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("Elu: alpha must be finite and > 0, got " + alpha);
        }
        return scaled(x, alpha, 1.0);
    }

    /** {@code scale * elu(x, alpha)}: SELU is this with fixed constants. */
    static Variable scaled(Variable x, double alpha, double scale) {
        Tensor out = ActivationKernels.elu(x.value(), alpha, scale);
        return Variable.fromOp(out, g -> x.accumulateGrad(ActivationKernels.eluBackward(x.value(), g, alpha, scale)), x);
    }
}
