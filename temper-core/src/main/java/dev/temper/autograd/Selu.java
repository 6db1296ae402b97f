package dev.temper.autograd;

import dev.temper.tensor.ActivationKernels;

/**
 * SELU, {@code lambda * (x if x > 0 else alpha (e^x - 1))} with the fixed constants
 * {@code lambda = 1.0507009873554804934...} and {@code alpha = 1.6732632423543772848...} of Klambauer et al.,
 * "Self-normalizing neural networks", NeurIPS 2017 (eq. 14; {@link ActivationKernels#SELU_SCALE},
 * {@link ActivationKernels#SELU_ALPHA}). d/dx = {@code g * lambda} where x > 0, else {@code g * lambda alpha e^x}.
 * Pair it with LeCun-normal initialization, as the paper does.
 */
public final class Selu {
    private Selu() {}

    public static Variable apply(Variable x) {
        return Elu.scaled(x, ActivationKernels.SELU_ALPHA, ActivationKernels.SELU_SCALE);
    }
}
