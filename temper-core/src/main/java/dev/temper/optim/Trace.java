package dev.temper.optim;

import dev.temper.tensor.Tensor;
import java.util.Map;

/**
 * Momentum, with PyTorch's SGD semantics (no dampening): {@code buf = momentum * buf + g}; the update is
 * {@code buf}, or {@code g + momentum * buf} with Nesterov (Sutskever et al. 2013). With a constant learning
 * rate this equals Keras's {@code v = momentum v - lr g} form.
 */
public record Trace(double momentum, boolean nesterov) implements GradientTransform {
    public Trace {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
    }

    @Override
    public Map<String, Tensor> init(Tensor parameter) {
        return Map.of("momentum", Tensor.zerosLike(parameter));
    }

    @Override
    public void update(Tensor update, Tensor parameter, Map<String, Tensor> state, long step) {
        Tensor buf = state.get("momentum");
        Tensor next = buf.mul(momentum).add(update); // buf = momentum * buf + g
        buf.copyFromInPlace(next);
        if (nesterov) {
            update.addInPlace(next, momentum);      // g + momentum * buf
        } else {
            update.copyFromInPlace(next);
        }
    }
}
