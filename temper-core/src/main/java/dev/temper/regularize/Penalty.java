package dev.temper.regularize;

import dev.temper.autograd.Variable;

/**
 * A penalty on one parameter tensor, added to the loss: an autograd scalar, so its gradient reaches the parameter
 * through the ordinary backward pass (and every optimizer sees it as part of the gradient, which is what makes it
 * an "L2 penalty" rather than decoupled weight decay).
 */
public interface Penalty {

    /** The penalty of {@code weights} as a scalar in the weights' dtype, differentiable with respect to them. */
    Variable apply(Variable weights);

    /** Whether this penalty has a squared (L2) part: the part that interacts badly with adaptive optimizers. */
    default boolean hasL2Part() {
        return false;
    }

    /** {@code lambda * sum |w|}. */
    static Penalty l1(double lambda) {
        return new L1(lambda);
    }

    /** {@code lambda * sum w^2} (Keras's convention). */
    static Penalty l2(double lambda) {
        return new L2(lambda);
    }

    /** {@code l1 * sum |w| + l2 * sum w^2}. */
    static Penalty elasticNet(double l1, double l2) {
        return new ElasticNet(l1, l2);
    }

    /** Rejects a negative, NaN or infinite strength, naming the penalty and the argument. */
    static void checkStrength(String penalty, String argument, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(penalty + ": " + argument + " must be finite and >= 0, got " + value);
        }
    }
}
