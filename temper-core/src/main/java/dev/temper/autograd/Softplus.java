package dev.temper.autograd;

import dev.temper.tensor.ActivationKernels;
import dev.temper.tensor.Tensor;

/**
 * Softplus as PyTorch documents it: {@code log(1 + e^(beta x)) / beta}, reverting to {@code x} where
 * {@code beta x > threshold} (defaults beta 1, threshold 20). d/dx = {@code g sigmoid(beta x)}, and {@code g}
 * above the threshold. Below the threshold it is evaluated as {@code (max(z, 0) + log1p(e^-|z|)) / beta},
 * {@code z = beta x}, which neither overflows for large z nor rounds to 0 for very negative z.
 */
public final class Softplus {
    private Softplus() {}

    public static Variable apply(Variable x, double beta, double threshold) {
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("Softplus: beta must be finite and > 0, got " + beta);
        }
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("Softplus: threshold must be finite and > 0, got " + threshold);
        }
        Tensor out = ActivationKernels.softplus(x.value(), beta, threshold);
        return Variable.fromOp(out,
                g -> x.accumulateGrad(ActivationKernels.softplusBackward(x.value(), g, beta, threshold)), x);
    }
}
