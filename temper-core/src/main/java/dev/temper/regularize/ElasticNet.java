package dev.temper.regularize;

import dev.temper.autograd.Variable;

/**
 * Elastic net {@code l1 * sum |w_i| + l2 * sum w_i^2} (Zou and Hastie 2005), gradient
 * {@code l1 * sign(w) + 2 * l2 * w}: the sum of {@link L1} and {@link L2}, as Keras's {@code regularizers.L1L2}.
 */
public record ElasticNet(double l1, double l2) implements Penalty {
    public ElasticNet {
        Penalty.checkStrength("ElasticNet", "l1", l1);
        Penalty.checkStrength("ElasticNet", "l2", l2);
    }

    @Override
    public Variable apply(Variable weights) {
        return new L1(l1).apply(weights).add(new L2(l2).apply(weights));
    }

    @Override
    public boolean hasL2Part() {
        return l2 > 0;
    }
}
