package dev.temper.nn;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;

/**
 * Gaussian dropout (Srivastava et al. 2014, "Dropout: a simple way to prevent neural networks from overfitting",
 * section 10): in training each unit is multiplied by noise drawn from {@code N(1, rate / (1 - rate))}, the
 * variance of inverted Bernoulli dropout with the same {@code rate}, so the two regularize comparably. As Keras's
 * {@code GaussianDropout}, {@code rate} is the equivalent probability of dropping; the noise has mean 1, so the
 * expected activation is kept and inference is the identity.
 *
 * <p>{@code y = x * e}, {@code e ~ N(1, rate / (1 - rate))}, so {@code dy/dx = e} with the noise held fixed.
 */
public final class GaussianDropout implements Layer {
    private final double rate;

    public GaussianDropout(double rate) {
        this.rate = NoiseDraws.checkRate("GaussianDropout", rate);
    }

    public double rate() {
        return rate;
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        if (!context.dropoutActive() || rate == 0) {
            return input;
        }
        double std = Math.sqrt(rate / (1 - rate));
        return input.mul(Variable.constant(
                NoiseDraws.normal(input.value().dtype(), input.shape().toArray(), 1.0, std, context.rng())));
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    public String kind() {
        return "gaussian_dropout";
    }
}
