package dev.temper.nn;

import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;

/**
 * Creates a parameter's initial values from its fan-in and fan-out. All draws come from the given generator.
 * (The layers issue extends this family: LeCun, orthogonal, truncated normal, ...)
 */
@FunctionalInterface
public interface Initializer {

    Tensor create(int[] shape, int fanIn, int fanOut, Rng rng);

    static Initializer zeros() {
        return (shape, fanIn, fanOut, rng) -> Tensor.zeros(shape);
    }

    /** Glorot/Xavier uniform: U(-l, l) with l = sqrt(6 / (fanIn + fanOut)) (Glorot and Bengio 2010); Keras's default. */
    static Initializer glorotUniform() {
        return (shape, fanIn, fanOut, rng) -> {
            float limit = (float) Math.sqrt(6.0 / (fanIn + fanOut));
            return rng.uniform(-limit, limit, shape);
        };
    }

    /** He/Kaiming normal: N(0, 2 / fanIn) (He et al. 2015), suited to ReLU. */
    static Initializer heNormal() {
        return (shape, fanIn, fanOut, rng) -> rng.normal(0f, (float) Math.sqrt(2.0 / fanIn), shape);
    }
}
