package dev.temper.nn;

import dev.temper.autograd.Parameter;
import dev.temper.tensor.Tensor;
import java.util.Map;

/** A layer that owns a tree of layers and names their parameters by dotted path: what a trainer trains. */
public interface Model extends Layer {

    /** Every parameter by its stable dotted path ({@code dense_1.kernel}), in a fixed order. */
    Map<String, Parameter> namedParameters();

    /** Every buffer (state that is saved but not trained) by its dotted path; none by default. */
    default Map<String, Tensor> namedBuffers() {
        return Map.of();
    }
}
