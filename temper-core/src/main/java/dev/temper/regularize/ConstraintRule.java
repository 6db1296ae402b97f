package dev.temper.regularize;

import dev.temper.autograd.Selector;

/** One rule of {@link Constraints}: the parameters {@code selector} picks are projected by {@code constraint}. */
public record ConstraintRule(Selector selector, Constraint constraint) {
    public ConstraintRule {
        if (selector == null) {
            throw new IllegalArgumentException("constraint rule: selector must not be null");
        }
        if (constraint == null) {
            throw new IllegalArgumentException("constraint rule: constraint must not be null");
        }
    }
}
