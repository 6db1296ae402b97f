package dev.temper.optim;

import dev.temper.tensor.Tensor;
import java.util.Map;

/** Leaves the update unchanged: plain (full-batch or stochastic) gradient descent's direction. */
public final class Identity implements GradientTransform {
    @Override
    public void update(Tensor update, Tensor parameter, Map<String, Tensor> state, long step) {
        // the gradient itself is the direction
    }
}
