package dev.temper.autograd;

import dev.temper.tensor.Tensor;

/** {@code max(x, 0)}: d/dx = g where x > 0, else 0 (0 at the kink, as PyTorch and TensorFlow take it). */
public final class Relu {
    private Relu() {}

    public static Variable apply(Variable x) {
        Tensor out = x.value().relu();
        return Variable.fromOp(out, (g, owned) ->
                x.accumulateFreshGrad(owned ? g.keepWherePositiveInPlace(out) : g.keepWherePositive(out)), x);
    }
}
