package dev.temper.nn;

import dev.temper.autograd.Parameter;
import java.util.Map;

/** A layer that owns a tree of layers and names their parameters by dotted path: what a trainer trains. */
public interface Model extends Layer {

    /** Every parameter by its stable dotted path ({@code dense_1.kernel}), in a fixed order. */
    Map<String, Parameter> namedParameters();
}
