package dev.temper.autograd;

import dev.temper.tensor.ActivationKernels;
import dev.temper.tensor.Tensor;

/**
 * SiLU, also called Swish: {@code x sigmoid(x)}; d/dx = {@code g s (1 + x (1 - s))}, {@code s = sigmoid(x)}.
 * Elfwing, Uchibe and Doya, "Sigmoid-weighted linear units for neural network function approximation in
 * reinforcement learning", 2018; Ramachandran, Zoph and Le, "Searching for activation functions", 2017 (Swish
 * with beta = 1). The sigmoid is evaluated so that neither tail overflows.
 */
public final class Silu {
    private Silu() {}

    public static Variable apply(Variable x) {
        Tensor out = ActivationKernels.silu(x.value());
        return Variable.fromOp(out, g -> x.accumulateGrad(ActivationKernels.siluBackward(x.value(), g)), x);
    }
}
