package dev.temper.autograd;

import dev.temper.tensor.Tensor;

/**
 * The backward rule of one recorded op: given the gradient of the loss with respect to the op's output, it
 * passes gradients to the op's inputs with {@link Variable#accumulateGrad(Tensor)}.
 */
@FunctionalInterface
public interface Backward {
    void apply(Tensor outputGrad);
}
