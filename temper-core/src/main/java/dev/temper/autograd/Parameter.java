package dev.temper.autograd;

import dev.temper.tensor.Tensor;

/**
 * A trainable leaf owned by a layer. Its {@link #name()} is local to the layer ({@code kernel}, {@code bias});
 * containers prefix layer names to make the stable dotted paths ({@code dense_1.kernel}) that optimizers,
 * model files and selectors key on.
 *
 * <p>Optimizers update the value in place, inside a {@link NoGrad} scope.
 */
public final class Parameter extends Variable {
    private final String name;

    public Parameter(String name, Tensor value) {
        super(value, true);
        if (name == null || name.isBlank() || name.contains(".")) {
            throw new IllegalArgumentException("parameter name must be non-empty and contain no '.', got '" + name + "'");
        }
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "Parameter(" + name + ", " + value().shape() + ")";
    }
}
