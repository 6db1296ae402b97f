package dev.temper.regularize;

import dev.temper.autograd.Variable;
import java.util.Map;

/**
 * What a {@link Regularization} adds to the loss: the {@code total} as an autograd scalar (to add to the data loss
 * before backward), and each rule's value by rule name, in rule order (for logs; a rule that selected nothing
 * is 0).
 */
public record PenaltyTerms(Variable total, Map<String, Double> terms) {
    public PenaltyTerms {
        terms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(terms));
    }

    /** The total as a number. */
    public double value() {
        return total.value().item();
    }
}
