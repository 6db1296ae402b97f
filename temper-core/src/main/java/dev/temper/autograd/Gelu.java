package dev.temper.autograd;

import dev.temper.tensor.ActivationKernels;
import dev.temper.tensor.Tensor;

/**
 * GELU (Hendrycks and Gimpel, "Gaussian error linear units (GELUs)", 2016), {@code x Phi(x)} with Phi the standard
 * normal CDF.
 *
 * <ul>
 *   <li>Exact (PyTorch's default, {@code approximate='none'}): {@code Phi(x) = erfc(-x / sqrt 2) / 2};
 *       d/dx = {@code g (Phi(x) + x phi(x))}, {@code phi(x) = e^(-x^2/2) / sqrt(2 pi)}.
 *   <li>Tanh approximation (PyTorch's {@code approximate='tanh'}, the paper's eq. for fast evaluation):
 *       {@code x/2 (1 + tanh(u))}, {@code u = sqrt(2/pi) (x + 0.044715 x^3)}; d/dx =
 *       {@code g ((1 + t)/2 + x/2 (1 - t^2) sqrt(2/pi) (1 + 3 * 0.044715 x^2))}, {@code t = tanh(u)}.
 * </ul>
 * The tanh form is evaluated as {@code x sigmoid(2u)}, the same function: it avoids the cancellation in
 * {@code 1 + tanh(u)} for negative x (PyTorch's float32 kernel loses most digits there).
 * (Keras's {@code gelu} defaults to {@code approximate=False} too.)
 */
public final class Gelu {
    private Gelu() {}

    public static Variable apply(Variable x, boolean tanhApproximation) {
        if (tanhApproximation) {
            Tensor out = ActivationKernels.geluTanh(x.value());
            return Variable.fromOp(out, g -> x.accumulateGrad(ActivationKernels.geluTanhBackward(x.value(), g)), x);
        }
        Tensor out = ActivationKernels.gelu(x.value());
        return Variable.fromOp(out, g -> x.accumulateGrad(ActivationKernels.geluBackward(x.value(), g)), x);
    }
}
