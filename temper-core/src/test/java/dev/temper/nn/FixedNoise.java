package dev.temper.nn;

import dev.temper.autograd.GradCheck;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.List;
import java.util.function.Function;

/**
 * Makes a stochastic layer's randomness repeat across evaluations, for gradient checks. {@link GradCheck} calls
 * its function once for the analytic gradient and twice per input element for the finite differences; giving
 * every call a fresh generator with the same seed makes every call draw the same mask or noise, so the checker
 * sees one fixed deterministic function ({@code x * M} for a fixed {@code M}), which is what dropout's gradient is.
 */
final class FixedNoise {
    private FixedNoise() {}

    /** The layer's training forward pass on {@code v.get(0)}, re-seeded with {@code seed} on every call. */
    static Function<List<Variable>, Variable> training(Layer layer, long seed) {
        return v -> layer.forward(v.get(0), ForwardContext.training(new Rng(seed)));
    }

    /** {@link GradCheck#DEFAULT} of the layer's training forward pass, with a fixed mask, at {@code input}. */
    static GradCheck.Result check(Layer layer, long seed, Tensor input) {
        return GradCheck.DEFAULT.check(training(layer, seed), input);
    }
}
