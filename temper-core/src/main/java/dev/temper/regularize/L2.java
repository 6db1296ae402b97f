package dev.temper.regularize;

import dev.temper.autograd.Variable;

/**
 * Ridge / Tikhonov penalty {@code lambda * ||w||_2^2 = lambda * sum w_i^2}, gradient {@code 2 * lambda * w}: the
 * convention of Keras's {@code regularizers.L2(l2)} (no factor 1/2).
 *
 * <p>Not the same number as PyTorch's {@code weight_decay}: PyTorch's SGD adds {@code weight_decay * w} to the
 * gradient, so for plain SGD {@code L2(lambda)} here equals PyTorch {@code weight_decay = 2 * lambda}. With
 * adaptive optimizers (Adam and its family) a penalty is rescaled per coordinate and is not equivalent to weight
 * decay at all (Loshchilov and Hutter 2019, "Decoupled weight decay regularization"); use decoupled decay
 * (AdamW) there, see {@link Regularization#warningsFor(String)}.
 */
public record L2(double lambda) implements Penalty {
    public L2 {
        Penalty.checkStrength("L2", "lambda", lambda);
    }

    @Override
    public Variable apply(Variable weights) {
        return weights.sumOfSquares().mul(lambda); // one fused op: no weight-sized temporaries
    }

    @Override
    public boolean hasL2Part() {
        return lambda > 0;
    }
}
