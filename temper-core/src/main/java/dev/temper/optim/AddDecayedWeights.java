package dev.temper.optim;

import dev.temper.autograd.Selector;
import dev.temper.tensor.Tensor;
import java.util.Map;

/**
 * Weight decay as a stage: {@code update += weightDecay * parameter}, for the parameters chosen by a
 * {@link Selector} (by default {@link Selector#weights()}: matrices and kernels, not biases or normalization
 * parameters); the others pass unchanged. The optimizer then takes {@code p -= lr * update}.
 *
 * <p>Where it sits in the chain decides what it means:
 * <ul>
 *   <li><b>first</b>, before an adaptive scaling: the decay term goes through the scaling like a gradient. This
 *       is PyTorch's {@code weight_decay} on {@code Adam}/{@code SGD}/{@code RMSprop}: {@code g + wd * p}, the
 *       gradient of the L2 penalty {@code (wd / 2) ||p||^2}. (Keras's {@code L2(l)} regularizer adds
 *       {@code l ||p||^2} to the loss, whose gradient is {@code 2 l p}: Keras's {@code l} is half PyTorch's
 *       {@code wd}.)
 *   <li><b>last</b>, after the scaling: decoupled weight decay (Loshchilov and Hutter 2019, "Decoupled Weight
 *       Decay Regularization"), {@code p -= lr * (adam_update + wd * p)} as in PyTorch's {@code AdamW}: every
 *       weight shrinks by the same factor {@code 1 - lr wd}, however large its gradient history.
 * </ul>
 * For plain SGD the two are the same update, so an L2 penalty {@code lambda ||w||^2} in the loss equals
 * decoupled decay {@code 2 lambda}; for Adam they differ (the adaptive scaling divides the L2 gradient, so
 * weights with large gradients are barely regularized). Both facts are tested in {@code WeightDecayTest}.
 */
public record AddDecayedWeights(double weightDecay, Selector selector) implements GradientTransform {
    public AddDecayedWeights {
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be >= 0, got " + weightDecay);
        }
        if (selector == null) {
            throw new IllegalArgumentException("AddDecayedWeights: selector must not be null");
        }
    }

    /** Decays the parameters {@link Selector#weights()} picks. */
    public AddDecayedWeights(double weightDecay) {
        this(weightDecay, Selector.weights());
    }

    @Override
    public GradientTransform forParameter(String path, Tensor value) {
        return weightDecay > 0 && selector.matches(path, value) ? this : new Identity();
    }

    @Override
    public void update(Tensor update, Tensor parameter, Map<String, Tensor> state, long step) {
        update.addInPlace(parameter, weightDecay);
    }
}
