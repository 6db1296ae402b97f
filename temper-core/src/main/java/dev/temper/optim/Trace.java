package dev.temper.optim;

import dev.temper.tensor.DType;
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
        int n = update.size();
        if (update.dtype() == DType.FLOAT32) {
            float[] u = update.floatData();
            float[] buf = state.get("momentum").floatData();
            float mu = (float) momentum;
            // two loops rather than a branch inside one, so that each vectorizes
            if (nesterov) {
                for (int i = 0; i < n; i++) {
                    float b = mu * buf[i] + u[i]; // buf = momentum * buf + g
                    buf[i] = b;
                    u[i] = u[i] + mu * b; // Nesterov: g + momentum * buf
                }
            } else {
                for (int i = 0; i < n; i++) {
                    float b = mu * buf[i] + u[i];
                    buf[i] = b;
                    u[i] = b;
                }
            }
        } else {
            double[] u = update.doubleData();
            double[] buf = state.get("momentum").doubleData();
            for (int i = 0; i < n; i++) {
                double b = momentum * buf[i] + u[i];
                buf[i] = b;
                u[i] = nesterov ? u[i] + momentum * b : b;
            }
        }
    }
}
