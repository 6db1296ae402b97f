package dev.temper.regularize;

import dev.temper.autograd.Selector;

/**
 * One rule of a {@link Regularization}: the parameters {@code selector} picks get {@code penalty}. The name labels
 * the rule's term in logs and histories ({@code "l2_weights"}; letters, digits, {@code _ . -}).
 */
public record RegularizationRule(String name, Selector selector, Penalty penalty) {
    public RegularizationRule {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            // the name becomes a CSV column and a YAML key: keep it to plain characters
            throw new IllegalArgumentException("regularization rule: name must be non-empty letters, digits, '_', '.'"
                    + " or '-', got '" + name + "'");
        }
        if (selector == null) {
            throw new IllegalArgumentException("regularization rule '" + name + "': selector must not be null");
        }
        if (penalty == null) {
            throw new IllegalArgumentException("regularization rule '" + name + "': penalty must not be null");
        }
    }
}
