package dev.temper.nn;

import dev.temper.autograd.Linear;
import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Gated recurrent unit layer (Cho et al. 2014) with the equations of PyTorch's {@code nn.GRU} documentation, where
 * the reset gate multiplies the recurrent term <em>after</em> its matrix product and bias:
 * <pre>
 *   a_t = x_t @ kernel + bias                   u_t = h_{t-1} @ recurrentKernel + recurrentBias   (blocks r | z | n)
 *   r = sigmoid(a_r + u_r)    z = sigmoid(a_z + u_z)    n = tanh(a_n + r * u_n)
 *   h_t = (1 - z) * n + z * h_{t-1}                                                  with h_0 = 0
 * </pre>
 * Keras's {@code GRU} with its default {@code reset_after=True} computes the same function (its bias of shape
 * {@code [2, 3*units]} holds our {@code bias} and {@code recurrentBias} as rows), but orders the gate blocks
 * z | r | h where we follow PyTorch's r | z | n: swap the first two blocks when importing Keras weights. The older
 * {@code reset_after=False} variant (r applied to {@code h} before the product) is a different function.
 *
 * <p>Weights: {@code kernel [features, 3*units]} (Glorot uniform), {@code recurrentKernel [units, 3*units]}
 * (orthogonal), {@code bias [3*units]} and {@code recurrentBias [3*units]} (zeros); PyTorch stores the transposed
 * kernels ({@code weight_ih_l0 [3*units, features]}) and the same two biases ({@code bias_ih_l0}, {@code bias_hh_l0}).
 * Input {@code [batch, time, features]}; output {@code [batch, time, units]} when {@code returnSequences}, else
 * {@code h_T [batch, units]}. One GEMM projects all input steps, one GEMM per step the state; backpropagation through
 * time is autograd over the recorded steps.
 */
public final class Gru implements Layer {
    private final int features;
    private final int units;
    private final boolean returnSequences;
    private final Parameter kernel;
    private final Parameter recurrentKernel;
    private final Parameter bias;
    private final Parameter recurrentBias;

    /** A layer with Keras's default initialization, drawn from {@code rng}. */
    public Gru(int features, int units, boolean returnSequences, Rng rng) {
        this(features, units, returnSequences, Initializer.glorotUniform(), Sequences.orthogonal(), Initializer.zeros(), rng);
    }

    /** {@code biasInitializer} creates both biases. */
    public Gru(int features, int units, boolean returnSequences, Initializer kernelInitializer,
               Initializer recurrentInitializer, Initializer biasInitializer, Rng rng) {
        Sequences.checkSizes("Gru", features, units);
        this.features = features;
        this.units = units;
        this.returnSequences = returnSequences;
        int gates = 3 * units;
        this.kernel = new Parameter("kernel", kernelInitializer.create(new int[] {features, gates}, features, gates, rng));
        this.recurrentKernel = new Parameter("recurrentKernel", recurrentInitializer.create(new int[] {units, gates}, units, gates, rng));
        this.bias = new Parameter("bias", biasInitializer.create(new int[] {gates}, features, gates, rng));
        this.recurrentBias = new Parameter("recurrentBias", biasInitializer.create(new int[] {gates}, units, gates, rng));
    }

    /** The recurrence on explicit weights (the layer passes its parameters; gradient checks pass leaves). */
    static Variable run(Variable x, Variable kernel, Variable recurrentKernel, Variable bias, Variable recurrentBias,
                        boolean returnSequences) {
        int units = recurrentKernel.shape().dim(0);
        List<Variable> projected = Sequences.steps(Sequences.projectInputs(x, kernel, bias));
        Variable h = Sequences.zeroState(x, units);
        List<Variable> states = new ArrayList<>();
        for (int t = 0; t < x.shape().dim(1); t++) {
            List<Variable> a = Sequences.gates(projected.get(t), 3);
            List<Variable> u = Sequences.gates(Linear.apply(h, recurrentKernel, recurrentBias), 3);
            Variable r = a.get(0).add(u.get(0)).sigmoid();
            Variable z = a.get(1).add(u.get(1)).sigmoid();
            Variable n = a.get(2).add(r.mul(u.get(2))).tanh();
            h = n.add(z.mul(h.sub(n))); // (1 - z) * n + z * h, one op fewer
            states.add(h);
        }
        return returnSequences ? Sequences.stack(states) : h;
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        Sequences.checkInput(describe(), input, features);
        return run(input, kernel, recurrentKernel, bias, recurrentBias, returnSequences);
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

    public Parameter recurrentBias() {
        return recurrentBias;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(kernel, recurrentKernel, bias, recurrentBias);
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return Sequences.outputShape(describe(), inputShape, features, units, returnSequences);
    }

    @Override
    public String kind() {
        return "gru";
    }

    private String describe() {
        return "Gru(" + features + " -> " + units + ")";
    }
}
