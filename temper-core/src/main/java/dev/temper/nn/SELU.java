package dev.temper.nn;

import dev.temper.autograd.Selu;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;

/**
 * Activation layer: SELU with the fixed constants of Klambauer et al. 2017 ({@link Selu}). No parameters; the shape
 * is unchanged. The paper's self-normalizing property assumes {@link Initializer#lecunNormal()} weights.
 */
public final class SELU implements Layer {
    @Override
    public Variable forward(Variable input, ForwardContext context) {
        return Selu.apply(input);
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    public String kind() {
        return "selu";
    }
}
