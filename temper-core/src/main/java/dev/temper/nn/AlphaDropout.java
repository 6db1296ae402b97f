package dev.temper.nn;

import dev.temper.autograd.Variable;
import dev.temper.tensor.DType;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;

/**
 * Alpha dropout for self-normalizing networks (Klambauer et al. 2017, "Self-Normalizing Neural Networks",
 * section "New Dropout Technique"): dropped units are set to SELU's negative saturation value
 * {@code alpha' = -lambda * alpha} instead of 0, then an affine map restores mean 0 and variance 1.
 *
 * <p>With keep probability {@code q = 1 - rate}, keep mask {@code d ~ Bernoulli(q)} and
 * {@code alpha = 1.6732632423543772}, {@code lambda = 1.0507009873554805} (SELU's constants):
 * <pre>
 *   y = a * (x * d + alpha' * (1 - d)) + b
 *   a = (q + alpha'^2 * q * (1 - q))^(-1/2)
 *   b = -a * (1 - q) * alpha'
 * </pre>
 * For inputs of mean 0 and variance 1, {@code y} has mean 0 and variance 1 (the paper's derivation; Keras's
 * {@code AlphaDropout} uses the same {@code a} and {@code b}). {@code dy/dx = a * d}: the gradient flows through kept
 * units only, scaled by {@code a}. Inference is the identity.
 */
public final class AlphaDropout implements Layer {
    /** SELU's alpha and lambda (Klambauer et al. 2017, eq. 2 and the values below it). */
    static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    static final double SELU_LAMBDA = 1.0507009873554804934193349852946;
    /** The value dropped units take: SELU's limit for x to minus infinity. */
    public static final double ALPHA_PRIME = -SELU_LAMBDA * SELU_ALPHA;

    private final double rate;

    public AlphaDropout(double rate) {
        this.rate = NoiseDraws.checkRate("AlphaDropout", rate);
    }

    public double rate() {
        return rate;
    }

    /** The affine scale {@code a} for this rate. */
    public double scale() {
        double q = 1 - rate;
        return 1 / Math.sqrt(q + ALPHA_PRIME * ALPHA_PRIME * q * (1 - q));
    }

    /** The affine shift {@code b} for this rate. */
    public double shift() {
        return -scale() * rate * ALPHA_PRIME;
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        if (!context.dropoutActive() || rate == 0) {
            return input;
        }
        double a = scale();
        double b = shift();
        DType dtype = input.value().dtype();
        // keep = a where kept, 0 where dropped; offset = b where kept, a * alpha' + b where dropped, which is
        // a * alpha' + b - alpha' * keep in one vectorized pass
        Tensor keep = NoiseDraws.keepMask(dtype, input.shape().toArray(), rate, a, context.rng());
        Tensor offset = keep.mul(-ALPHA_PRIME).add(a * ALPHA_PRIME + b);
        return input.mul(Variable.constant(keep)).add(Variable.constant(offset));
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    public String kind() {
        return "alpha_dropout";
    }
}
