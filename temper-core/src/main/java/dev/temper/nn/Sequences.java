package dev.temper.nn;

import dev.temper.autograd.Concat;
import dev.temper.autograd.Linear;
import dev.temper.autograd.Unbind;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import java.util.List;

/**
 * Shared plumbing of the recurrent layers: input checks, the input projection of all time steps in one GEMM,
 * splitting out the time steps and the gate blocks, and stacking the per-step outputs back into a sequence.
 */
final class Sequences {
    private Sequences() {}

    /** Throws unless {@code x} is {@code [batch, time, features]} with time >= 1. */
    static void checkInput(String layer, Variable x, int features) {
        if (x.shape().rank() != 3 || x.shape().dim(2) != features || x.shape().dim(1) < 1) {
            throw new IllegalArgumentException(layer + ": expected input [batch, time >= 1, " + features + "], got " + x.shape());
        }
    }

    /** {@code x [B, T, F] @ kernel [F, G] + bias [G]} as one {@code [B*T, F] x [F, G]} GEMM, reshaped to {@code [B, T, G]}. */
    static Variable projectInputs(Variable x, Variable kernel, Variable bias) {
        int batch = x.shape().dim(0);
        int time = x.shape().dim(1);
        int features = x.shape().dim(2);
        Variable flat = x.reshape(batch * time, features);
        return Linear.apply(flat, kernel, bias).reshape(batch, time, kernel.shape().dim(1));
    }

    /** The time steps of {@code [B, T, G]}, each {@code [B, G]} (one shared gradient buffer: see {@link Unbind}). */
    static List<Variable> steps(Variable sequence) {
        return Unbind.apply(sequence, 1);
    }

    /** The {@code count} gate blocks (each {@code [B, units]}) of a pre-activation {@code [B, count*units]}, in order. */
    static List<Variable> gates(Variable preactivation, int count) {
        int batch = preactivation.shape().dim(0);
        int units = preactivation.shape().dim(1) / count;
        return Unbind.apply(preactivation.reshape(batch, count, units), 1);
    }

    /** The zero initial state {@code [batch, units]} in the input's type (a constant: it has no gradient). */
    static Variable zeroState(Variable x, int units) {
        return Variable.constant(Tensor.zeros(x.value().dtype(), x.shape().dim(0), units));
    }

    /** Per-step states {@code [B, U]} joined along a new time axis into {@code [B, T, U]}. */
    static Variable stack(List<Variable> states) {
        Variable[] parts = new Variable[states.size()];
        for (int t = 0; t < parts.length; t++) {
            Variable h = states.get(t);
            parts[t] = h.reshape(h.shape().dim(0), 1, h.shape().dim(1));
        }
        return parts.length == 1 ? parts[0] : Concat.apply(1, parts);
    }

    /** Output shape {@code [T, U]} or {@code [U]} (without batch) for input shape {@code [T, F]}. */
    static Shape outputShape(String layer, Shape input, int features, int units, boolean returnSequences) {
        if (input.rank() != 2 || input.dim(1) != features) {
            throw new IllegalArgumentException(layer + ": expected input shape [time, " + features + "], got " + input);
        }
        return returnSequences ? Shape.of(input.dim(0), units) : Shape.of(units);
    }

    /** Throws unless both sizes are positive. */
    static void checkSizes(String layer, int features, int units) {
        if (features < 1) {
            throw new IllegalArgumentException(layer + ": features must be >= 1, got " + features);
        }
        if (units < 1) {
            throw new IllegalArgumentException(layer + ": units must be >= 1, got " + units);
        }
    }

    /** Keras's default for recurrent kernels: orthogonal (Saxe et al. 2014), gain 1. */
    static Initializer orthogonal() {
        return Initializer.orthogonal();
    }
}
