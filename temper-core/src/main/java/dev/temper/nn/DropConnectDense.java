package dev.temper.nn;

import dev.temper.autograd.Linear;
import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Shape;
import java.util.List;

/**
 * A dense layer with DropConnect (Wan et al. 2013, "Regularization of Neural Networks using DropConnect"): in
 * training each weight of the kernel, rather than each activation, is dropped with probability {@code rate}.
 *
 * <p>{@code y = x @ (kernel * M) + bias}, with {@code M[i, j]} in {0, 1 / (1 - rate)} drawn once per forward pass
 * and shared by the whole batch (the paper draws one mask per example, which costs a weight matrix per example;
 * one per batch is the common simplification). The bias is not masked. The gradient reaches only kept weights:
 * {@code dkernel = (x^T @ g) * M}.
 *
 * <p>Inference uses the kernel as it is. The paper's inference instead approximates the distribution of each
 * pre-activation by a Gaussian (moment matching) and averages the activation over samples of it; with the
 * inverted scaling above, using the plain weights matches the mean of that Gaussian, the simplification most
 * implementations make. Defaults as {@link Dense}: Glorot-uniform kernel, zero bias; parameters are named
 * {@code kernel} and {@code bias}.
 */
public final class DropConnectDense implements Layer {
    private final int inputs;
    private final int units;
    private final double rate;
    private final Parameter kernel;
    private final Parameter bias;

    public DropConnectDense(int inputs, int units, double rate, Rng rng) {
        this(inputs, units, rate, Initializer.glorotUniform(), Initializer.zeros(), rng);
    }

    public DropConnectDense(int inputs, int units, double rate, Initializer kernelInitializer,
                            Initializer biasInitializer, Rng rng) {
        if (inputs < 1) {
            throw new IllegalArgumentException("DropConnectDense: inputs must be >= 1, got " + inputs);
        }
        if (units < 1) {
            throw new IllegalArgumentException("DropConnectDense: units must be >= 1, got " + units);
        }
        this.rate = NoiseDraws.checkRate("DropConnectDense", rate);
        this.inputs = inputs;
        this.units = units;
        this.kernel = new Parameter("kernel", kernelInitializer.create(new int[] {inputs, units}, inputs, units, rng));
        this.bias = biasInitializer == null ? null
                : new Parameter("bias", biasInitializer.create(new int[] {units}, inputs, units, rng));
    }

    /**
     * The layer's computation on explicit variables (so a gradient check can vary the kernel and bias too):
     * {@code x @ (kernel * M) + bias} when dropout is active, {@code x @ kernel + bias} otherwise.
     */
    public static Variable apply(Variable x, Variable kernel, Variable bias, double rate, ForwardContext context) {
        NoiseDraws.checkRate("DropConnectDense", rate);
        if (!context.dropoutActive() || rate == 0) {
            return Linear.apply(x, kernel, bias);
        }
        Variable mask = Variable.constant(NoiseDraws.keepMask(kernel.value().dtype(), kernel.shape().toArray(), rate,
                1 / (1 - rate), context.rng()));
        return Linear.apply(x, kernel.mul(mask), bias);
    }

    public Parameter kernel() {
        return kernel;
    }

    public Parameter bias() {
        return bias;
    }

    public double rate() {
        return rate;
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        if (input.shape().rank() != 2 || input.shape().dim(1) != inputs) {
            throw new IllegalArgumentException("DropConnectDense(" + inputs + " -> " + units + "): expected input [batch, "
                    + inputs + "], got " + input.shape());
        }
        return apply(input, kernel, bias, rate, context);
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(kernel) : List.of(kernel, bias);
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        if (inputShape.rank() != 1 || inputShape.dim(0) != inputs) {
            throw new IllegalArgumentException("DropConnectDense(" + inputs + " -> " + units + "): expected input shape ["
                    + inputs + "], got " + inputShape);
        }
        return Shape.of(units);
    }

    @Override
    public String kind() {
        return "drop_connect_dense";
    }
}
