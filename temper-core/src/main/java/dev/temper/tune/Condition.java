package dev.temper.tune;

import java.util.List;

/**
 * A parameter is active only when the categorical parameter {@code parent} takes one of {@code values} (momentum
 * only for SGD). An inactive parameter is absent from the configuration, not set to a default.
 */
public record Condition(String parent, List<Object> values) {
    public Condition {
        if (parent == null || parent.isBlank()) {
            throw new IllegalArgumentException("Condition: parent must be a parameter name, got '" + parent + "'");
        }
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("Condition on '" + parent + "': values must list at least one choice");
        }
        values = List.copyOf(values);
    }

    /** Whether {@code parentValue} (null when the parent is itself inactive) switches the parameter on. */
    public boolean holdsFor(Object parentValue) {
        if (parentValue == null) {
            return false;
        }
        for (Object v : values) {
            if (Categorical.sameChoice(v, parentValue)) {
                return true;
            }
        }
        return false;
    }
}
