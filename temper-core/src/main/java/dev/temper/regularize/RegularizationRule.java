package dev.temper.regularize;

import dev.temper.autograd.Selector;

/**
 * One rule of a {@link Regularization}: the parameters {@code selector} picks get {@code penalty}. The name labels
 * the rule's term in logs and histories ({@code "l2_weights"}).
 */
public record RegularizationRule(String name, Selector selector, Penalty penalty) {
    public RegularizationRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("regularization rule: name must be non-empty, got '" + name + "'");
        }
        if (selector == null) {
            throw new IllegalArgumentException("regularization rule '" + name + "': selector must not be null");
        }
        if (penalty == null) {
            throw new IllegalArgumentException("regularization rule '" + name + "': penalty must not be null");
        }
    }
}
