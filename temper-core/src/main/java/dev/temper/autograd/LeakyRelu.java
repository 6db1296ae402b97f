package dev.temper.autograd;

import dev.temper.tensor.ActivationKernels;
import dev.temper.tensor.Tensor;

/**
 * Leaky ReLU, {@code x if x > 0 else slope * x}: d/dx = g where x > 0, else {@code slope * g} (the slope at 0, as
 * PyTorch's {@code leaky_relu} backward). Maas, Hannun and Ng, "Rectifier nonlinearities improve neural network
 * acoustic models", ICML 2013.
 */
public final class LeakyRelu {
    private LeakyRelu() {}

    public static Variable apply(Variable x, double slope) {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("LeakyRelu: negative slope must be finite, got " + slope);
        }
        Tensor out = ActivationKernels.leakyRelu(x.value(), slope);
        return Variable.fromOp(out, g -> x.accumulateGrad(ActivationKernels.leakyReluBackward(x.value(), g, slope)), x);
    }
}
