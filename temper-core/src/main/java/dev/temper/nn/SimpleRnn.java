package dev.temper.nn;

import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Fully connected recurrent layer (Elman 1990), {@code h_t = tanh(x_t @ kernel + h_{t-1} @ recurrentKernel + bias)}
 * with {@code h_0 = 0}, as Keras's {@code SimpleRNN} (PyTorch's {@code nn.RNN} has the same recurrence with a
 * second, redundant bias).
 *
 * <p>Input {@code [batch, time, features]}; output {@code [batch, time, units]} when {@code returnSequences}, else
 * the last state {@code [batch, units]} (Keras's {@code return_sequences}). Weights: {@code kernel [features, units]}
 * (Glorot uniform), {@code recurrentKernel [units, units]} (orthogonal), {@code bias [units]} (zeros).
 *
 * <p>The input projection of all steps is one GEMM; each step adds one {@code [batch, units] x [units, units]}
 * GEMM. Backpropagation through time is autograd over the recorded steps.
 */
public final class SimpleRnn implements Layer {
    private final int features;
    private final int units;
    private final boolean returnSequences;
    private final Parameter kernel;
    private final Parameter recurrentKernel;
    private final Parameter bias;

    /** A layer with Keras's default initialization, drawn from {@code rng}. */
    public SimpleRnn(int features, int units, boolean returnSequences, Rng rng) {
        this(features, units, returnSequences, Initializer.glorotUniform(), Sequences.orthogonal(), Initializer.zeros(), rng);
    }

    public SimpleRnn(int features, int units, boolean returnSequences, Initializer kernelInitializer,
                     Initializer recurrentInitializer, Initializer biasInitializer, Rng rng) {
        Sequences.checkSizes("SimpleRnn", features, units);
        this.features = features;
        this.units = units;
        this.returnSequences = returnSequences;
        this.kernel = new Parameter("kernel", kernelInitializer.create(new int[] {features, units}, features, units, rng));
        this.recurrentKernel = new Parameter("recurrentKernel", recurrentInitializer.create(new int[] {units, units}, units, units, rng));
        this.bias = new Parameter("bias", biasInitializer.create(new int[] {units}, features, units, rng));
    }

    /** The recurrence on explicit weights (the layer passes its parameters; gradient checks pass leaves). */
    static Variable run(Variable x, Variable kernel, Variable recurrentKernel, Variable bias, boolean returnSequences) {
        int units = recurrentKernel.shape().dim(0);
        List<Variable> projected = Sequences.steps(Sequences.projectInputs(x, kernel, bias));
        Variable h = Sequences.zeroState(x, units);
        List<Variable> states = new ArrayList<>();
        for (int t = 0; t < x.shape().dim(1); t++) {
            h = projected.get(t).add(h.matmul(recurrentKernel)).tanh();
            states.add(h);
        }
        return returnSequences ? Sequences.stack(states) : h;
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        Sequences.checkInput(describe(), input, features);
        return run(input, kernel, recurrentKernel, bias, returnSequences);
    }

    public Parameter kernel() {
        return kernel;
    }

    public Parameter recurrentKernel() {
        return recurrentKernel;
    }

    public Parameter bias() {
        return bias;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(kernel, recurrentKernel, bias);
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return Sequences.outputShape(describe(), inputShape, features, units, returnSequences);
    }

    @Override
    public String kind() {
        return "simple_rnn";
    }

    private String describe() {
        return "SimpleRnn(" + features + " -> " + units + ")";
    }
}
