package dev.temper.nn;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;

/**
 * Additive Gaussian noise, as Keras's {@code GaussianNoise}: in training {@code y = x + n} with
 * {@code n ~ N(0, stddev^2)} per element, a regularizer akin to training on jittered inputs (Bishop 1995,
 * "Training with noise is equivalent to Tikhonov regularization"). The noise has mean 0, so the expected
 * activation is kept; inference is the identity. Unlike the rest of the dropout family it takes a standard
 * deviation, not a probability of dropping (Keras's argument). It samples in {@link Mode#MONTE_CARLO} too, like
 * every noise layer of this family.
 */
public final class GaussianNoise implements Layer {
    private final double stddev;

    public GaussianNoise(double stddev) {
        if (!(stddev >= 0 && Double.isFinite(stddev))) {
            throw new IllegalArgumentException("GaussianNoise: stddev must be finite and >= 0, got " + stddev);
        }
        this.stddev = stddev;
    }

    public double stddev() {
        return stddev;
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        if (!context.dropoutActive() || stddev == 0) {
            return input;
        }
        return input.add(Variable.constant(
                NoiseDraws.normal(input.value().dtype(), input.shape().toArray(), 0.0, stddev, context.rng())));
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    public String kind() {
        return "gaussian_noise";
    }
}
