package dev.temper.nn;

import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Long short-term memory layer (Hochreiter and Schmidhuber 1997, with the forget gate of Gers et al. 2000), with
 * the gate equations of PyTorch's {@code nn.LSTM} documentation (Keras's {@code LSTM} computes the same):
 * <pre>
 *   z_t = x_t @ kernel + h_{t-1} @ recurrentKernel + bias          [batch, 4*units], blocks i | f | g | o
 *   i = sigmoid(z_i)   f = sigmoid(z_f)   g = tanh(z_g)   o = sigmoid(z_o)
 *   c_t = f * c_{t-1} + i * g        h_t = o * tanh(c_t)            with h_0 = c_0 = 0
 * </pre>
 *
 * <p>Weight layout (Keras's, gate blocks in the order i, f, g, o along the last axis, as both libraries order
 * them): {@code kernel [features, 4*units]}, {@code recurrentKernel [units, 4*units]}, {@code bias [4*units]}.
 * PyTorch stores the transposes ({@code weight_ih_l0 [4*units, features]}) and two biases whose sum is our
 * {@code bias}. Defaults as Keras: Glorot-uniform kernel, orthogonal recurrent kernel, and the bias zero except
 * the forget block set to 1 ({@link #unitForgetBias()}, Keras's {@code unit_forget_bias=True}; Jozefowicz et al.
 * 2015), so that early in training the cell keeps its memory.
 *
 * <p>Input {@code [batch, time, features]}; output {@code [batch, time, units]} when {@code returnSequences}, else
 * {@code h_T [batch, units]}. The input projection of all steps is one GEMM, each step one recurrent GEMM;
 * backpropagation through time is autograd over the recorded steps.
 */
public final class Lstm implements Layer {
    private final int features;
    private final int units;
    private final boolean returnSequences;
    private final Parameter kernel;
    private final Parameter recurrentKernel;
    private final Parameter bias;

    /** A layer with Keras's default initialization, drawn from {@code rng}. */
    public Lstm(int features, int units, boolean returnSequences, Rng rng) {
        this(features, units, returnSequences, Initializer.glorotUniform(), Sequences.orthogonal(), unitForgetBias(), rng);
    }

    public Lstm(int features, int units, boolean returnSequences, Initializer kernelInitializer,
                Initializer recurrentInitializer, Initializer biasInitializer, Rng rng) {
        Sequences.checkSizes("Lstm", features, units);
        this.features = features;
        this.units = units;
        this.returnSequences = returnSequences;
        int gates = 4 * units;
        this.kernel = new Parameter("kernel", kernelInitializer.create(new int[] {features, gates}, features, gates, rng));
        this.recurrentKernel = new Parameter("recurrentKernel", recurrentInitializer.create(new int[] {units, gates}, units, gates, rng));
        this.bias = new Parameter("bias", biasInitializer.create(new int[] {gates}, features, gates, rng));
    }

    /** A {@code [4*units]} bias of zeros with the forget block (the second quarter) set to 1. */
    public static Initializer unitForgetBias() {
        return (shape, fanIn, fanOut, rng) -> {
            if (shape.length != 1 || shape[0] % 4 != 0) {
                throw new IllegalArgumentException("unitForgetBias: needs a shape [4*units], got " + Arrays.toString(shape));
            }
            int units = shape[0] / 4;
            Tensor b = Tensor.zeros(shape);
            b.narrow(0, units, units).fillInPlace(1.0);
            return b;
        };
    }

    /** The recurrence on explicit weights (the layer passes its parameters; gradient checks pass leaves). */
    static Variable run(Variable x, Variable kernel, Variable recurrentKernel, Variable bias, boolean returnSequences) {
        int units = recurrentKernel.shape().dim(0);
        List<Variable> projected = Sequences.steps(Sequences.projectInputs(x, kernel, bias));
        Variable h = Sequences.zeroState(x, units);
        Variable c = Sequences.zeroState(x, units);
        List<Variable> states = new ArrayList<>();
        for (int t = 0; t < x.shape().dim(1); t++) {
            Variable z = projected.get(t).add(h.matmul(recurrentKernel));
            List<Variable> gates = Sequences.gates(z, 4);
            Variable i = gates.get(0).sigmoid();
            Variable f = gates.get(1).sigmoid();
            Variable g = gates.get(2).tanh();
            Variable o = gates.get(3).sigmoid();
            c = f.mul(c).add(i.mul(g));
            h = o.mul(c.tanh());
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
        return "lstm";
    }

    private String describe() {
        return "Lstm(" + features + " -> " + units + ")";
    }
}
