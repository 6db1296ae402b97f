package dev.temper.autograd;

import dev.temper.tensor.Tensor;

/**
 * The backward rule of one recorded op: given the gradient of the loss with respect to the op's output, it
 * passes gradients to the op's inputs with {@link Variable#accumulateGrad(Tensor)}.
 */
@FunctionalInterface
public interface Backward {
    void apply(Tensor outputGrad);

    /**
     * A backward rule that may write its result into the output gradient itself when {@code owned} says that no one
     * else holds that tensor: the last use of an intermediate's gradient, made for it alone (see
     * {@link Variable#accumulateFreshGrad}). Saves a gradient-sized tensor per op on a training step.
     */
    @FunctionalInterface
    interface Reusing {
        void apply(Tensor outputGrad, boolean owned);
    }

    /**
     * A {@link Reusing} rule that only reads its output gradient during the call, and passes neither it nor a view of
     * it to any input (a dense layer's: its inputs get new tensors, products of the gradient). When the gradient was
     * the variable's own, the engine then hands its storage back for reuse ({@code Tensor.recycle}) as soon as the rule
     * returns, instead of leaving it to the collector.
     */
    @FunctionalInterface
    interface Consuming extends Reusing {}
}
