package dev.temper.regularize;

import dev.temper.autograd.Abs;
import dev.temper.autograd.Variable;

/**
 * Lasso penalty {@code lambda * ||w||_1 = lambda * sum |w_i|} (Tibshirani 1996, "Regression shrinkage and
 * selection via the lasso"). Gradient {@code lambda * sign(w)}, taken as 0 at w = 0. As Keras's
 * {@code regularizers.L1(l1)}. Plain gradient steps on it make weights oscillate around zero rather than reach
 * it; use {@link ProximalL1} for exact zeros.
 */
public record L1(double lambda) implements Penalty {
    public L1 {
        Penalty.checkStrength("L1", "lambda", lambda);
    }

    @Override
    public Variable apply(Variable weights) {
        return Abs.apply(weights).sum().mul(lambda);
    }
}
