package dev.temper.optim;

import dev.temper.autograd.NoGrad;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sharpness-aware minimization (Foret, Kleiner, Mobahi and Neyshabur 2021, Algorithm 1), wrapped around any
 * optimizer: it minimizes {@code max over ||e|| <= rho of L(w + e)}, the worst loss in a ball around the weights,
 * which prefers flat minima to sharp ones.
 *
 * <p>Each step takes two gradients. With the gradient {@code g} at {@code w}, {@link #ascend} moves the weights
 * to {@code w + e}, {@code e = rho g / ||g||} (the first-order worst case; the norm is global, over every
 * parameter); the caller computes the gradient there on the same batch; {@link #restore} puts the weights back
 * at {@code w}; the wrapped optimizer then steps from {@code w} with the gradient taken at {@code w + e}. The
 * trainer does this when given {@code withSharpnessAwareMinimization}. Default rho 0.05, the paper's.
 */
public final class SharpnessAwareMinimization {
    private final double rho;
    private final Map<String, Tensor> offsets = new LinkedHashMap<>();

    public SharpnessAwareMinimization(double rho) {
        if (!(rho > 0) || !Double.isFinite(rho)) {
            throw new IllegalArgumentException("SharpnessAwareMinimization: rho must be > 0, got " + rho);
        }
        this.rho = rho;
    }

    public static SharpnessAwareMinimization defaults() {
        return new SharpnessAwareMinimization(0.05);
    }

    public double rho() {
        return rho;
    }

    /** Moves every parameter with a gradient by {@code rho g / ||g||}; remembers the move for {@link #restore}. */
    public void ascend(Map<String, ? extends Variable> parameters) {
        if (!offsets.isEmpty()) {
            throw new IllegalStateException("SharpnessAwareMinimization: ascend called twice without restore");
        }
        double squares = 0;
        for (Variable p : parameters.values()) {
            if (p.grad() != null) {
                for (double v : p.grad().toDoubleArray()) {
                    squares += v * v;
                }
            }
        }
        double scale = rho / (Math.sqrt(squares) + 1e-12); // zero gradient: no move
        try (NoGrad scope = NoGrad.enter()) {
            for (Map.Entry<String, ? extends Variable> e : parameters.entrySet()) {
                Tensor g = e.getValue().grad();
                if (g != null) {
                    Tensor offset = g.mul(scale);
                    e.getValue().value().addInPlace(offset, 1);
                    offsets.put(e.getKey(), offset);
                }
            }
        }
    }

    /** Undoes the last {@link #ascend}. */
    public void restore(Map<String, ? extends Variable> parameters) {
        try (NoGrad scope = NoGrad.enter()) {
            for (Map.Entry<String, Tensor> e : offsets.entrySet()) {
                parameters.get(e.getKey()).value().addInPlace(e.getValue(), -1);
            }
        }
        offsets.clear();
    }
}
