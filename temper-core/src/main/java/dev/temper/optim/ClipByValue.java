package dev.temper.optim;

import dev.temper.tensor.DType;
import dev.temper.tensor.Tensor;
import java.util.Map;

/**
 * Clamps every element of the update to {@code [-maxValue, maxValue]} (PyTorch's {@code clip_grad_value_},
 * Keras's {@code clipvalue} when placed first in the chain). Clipping by global norm needs all gradients of a
 * step at once and is an {@link Optimizer} option: {@link Optimizer#setGradientClipNorm}.
 */
public record ClipByValue(double maxValue) implements GradientTransform {
    public ClipByValue {
        if (!(maxValue > 0)) {
            throw new IllegalArgumentException("maxValue must be > 0, got " + maxValue);
        }
    }

    @Override
    public void update(Tensor update, Tensor parameter, Map<String, Tensor> state, long step) {
        int n = update.size();
        if (update.dtype() == DType.FLOAT32) {
            float[] u = update.floatData();
            float hi = (float) maxValue;
            for (int i = 0; i < n; i++) {
                u[i] = Math.max(-hi, Math.min(hi, u[i]));
            }
        } else {
            double[] u = update.doubleData();
            for (int i = 0; i < n; i++) {
                u[i] = Math.max(-maxValue, Math.min(maxValue, u[i]));
            }
        }
    }
}
