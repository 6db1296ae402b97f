package dev.temper.nn;

import dev.temper.autograd.Linear;
import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import java.util.List;

/**
 * Fully connected layer, {@code y = x @ kernel + bias}, with {@code kernel [in, out]} and {@code bias [out]}.
 * Defaults as in Keras: Glorot-uniform kernel, zero bias.
 */
public final class Dense implements Layer {
    private final int inputs;
    private final int units;
    private final Parameter kernel;
    private final Parameter bias;

    /** A dense layer with Keras's default initialization, drawn from {@code rng}. */
    public Dense(int inputs, int units, Rng rng) {
        this(inputs, units, Initializer.glorotUniform(), Initializer.zeros(), rng);
    }

    public Dense(int inputs, int units, Initializer kernelInitializer, Initializer biasInitializer, Rng rng) {
        if (inputs < 1) {
            throw new IllegalArgumentException("Dense: inputs must be >= 1, got " + inputs);
        }
        if (units < 1) {
            throw new IllegalArgumentException("Dense: units must be >= 1, got " + units);
        }
        this.inputs = inputs;
        this.units = units;
        this.kernel = new Parameter("kernel", kernelInitializer.create(new int[] {inputs, units}, inputs, units, rng));
        this.bias = biasInitializer == null ? null
                : new Parameter("bias", biasInitializer.create(new int[] {units}, inputs, units, rng));
    }

    public Parameter kernel() {
        return kernel;
    }

    public Parameter bias() {
        return bias;
    }

    public int units() {
        return units;
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        requireInput(input);
        return Linear.apply(input, kernel, bias);
    }

    /** This layer followed by a ReLU as one fused op ({@link Linear#applyWithRelu}); {@link Sequential} runs the pair so. */
    public Variable forwardWithRelu(Variable input) {
        requireInput(input);
        return Linear.applyWithRelu(input, kernel, bias);
    }

    /**
     * This layer followed by a ReLU and then {@code dropout}, as one op where dropout is active
     * ({@link Linear#applyWithReluAndMask}); the mask is drawn as {@link Dropout#forward} would draw it.
     */
    public Variable forwardWithReluAndDropout(Variable input, Dropout dropout, ForwardContext context) {
        requireInput(input);
        if (dropout.drawsInPlace(input.value(), context)) { // float32: the mask multiplied in as drawn, never stored
            return Linear.applyWithReluAndDropout(input, kernel, bias, y -> dropout.multiplyByMask(y, context), dropout.keptScale());
        }
        Tensor mask = dropout.maskFor(input.value().dtype(), Shape.of(input.shape().dim(0), units), context);
        return mask == null ? Linear.applyWithRelu(input, kernel, bias) : Linear.applyWithReluAndMask(input, kernel, bias, mask);
    }

    private void requireInput(Variable input) {
        if (input.shape().rank() != 2 || input.shape().dim(1) != inputs) {
            throw new IllegalArgumentException("Dense(" + inputs + " -> " + units + "): expected input [batch, " + inputs + "], got " + input.shape());
        }
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(kernel) : List.of(kernel, bias);
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        if (inputShape.rank() != 1 || inputShape.dim(0) != inputs) {
            throw new IllegalArgumentException("Dense(" + inputs + " -> " + units + "): expected input shape [" + inputs + "], got " + inputShape);
        }
        return Shape.of(units);
    }

    @Override
    public String kind() {
        return "dense";
    }
}
