package dev.temper.nn;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;

/**
 * Activation layer: softplus, {@code log(1 + e^(beta x)) / beta}, linear where {@code beta x > threshold}
 * ({@link dev.temper.autograd.Softplus}). No parameters; the shape is unchanged. Defaults beta 1 and threshold 20,
 * as PyTorch's {@code nn.Softplus} (Keras's {@code softplus} has no parameters: beta 1, no threshold; the two
 * differ there by less than {@code e^-20 ~ 2e-9}).
 */
public final class Softplus implements Layer {
    public static final double DEFAULT_BETA = 1.0;
    public static final double DEFAULT_THRESHOLD = 20.0;

    private final double beta;
    private final double threshold;

    public Softplus() {
        this(DEFAULT_BETA, DEFAULT_THRESHOLD);
    }

    public Softplus(double beta, double threshold) {
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("Softplus: beta must be finite and > 0, got " + beta);
        }
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("Softplus: threshold must be finite and > 0, got " + threshold);
        }
        this.beta = beta;
        this.threshold = threshold;
    }

    public double beta() {
        return beta;
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        return dev.temper.autograd.Softplus.apply(input, beta, threshold);
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    public String kind() {
        return "softplus";
    }
}
