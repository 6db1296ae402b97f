package dev.temper.nn;

import dev.temper.autograd.Parameter;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model written as code, PyTorch style, for graphs that are not a chain: residual blocks, autoencoders with
 * shared encoders, two-input models. A subclass registers its layers by name with {@link #add} in its
 * constructor and writes {@link #forward} itself; parameter and buffer paths follow the registration names
 * ({@code encoder.dense_1.kernel} for a {@code Sequential} registered as {@code encoder}).
 *
 * <p>The mode reaches every layer because the subclass passes its own {@link ForwardContext} down.
 */
public abstract class Module implements Model {
    private final Map<String, Layer> children = new LinkedHashMap<>();

    /** Registers a layer under a name (letters, digits, underscores) and returns it, for use in a field. */
    protected final <L extends Layer> L add(String name, L layer) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": layer name must be letters, digits and underscores, got '" + name + "'");
        }
        if (children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": a layer named '" + name + "' is already registered");
        }
        children.put(name, layer);
        return layer;
    }

    /** The registered layers by name, in registration order. */
    public final Map<String, Layer> children() {
        return Map.copyOf(children);
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Map.Entry<String, Layer> child : children.entrySet()) {
            if (child.getValue() instanceof Model m) {
                m.namedParameters().forEach((path, p) -> out.put(child.getKey() + "." + path, p));
            } else {
                for (Parameter p : child.getValue().parameters()) {
                    out.put(child.getKey() + "." + p.name(), p);
                }
            }
        }
        return out;
    }

    @Override
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Layer> child : children.entrySet()) {
            Map<String, Tensor> buffers = child.getValue() instanceof Model m ? m.namedBuffers() : child.getValue().buffers();
            buffers.forEach((path, b) -> out.put(child.getKey() + "." + path, b));
        }
        return out;
    }

    @Override
    public List<Parameter> parameters() {
        return List.copyOf(namedParameters().values());
    }

    /** By default, what a forward pass gives; a subclass may compute it without running one. */
    @Override
    public Shape outputShape(Shape inputShape) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not declare its output shape; override outputShape");
    }

    @Override
    public String kind() {
        return "module";
    }
}
