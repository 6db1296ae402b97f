package dev.temper.optim;

import dev.temper.tensor.DType;
import dev.temper.tensor.Tensor;
import java.util.Map;

/**
 * Lion's direction (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms", Program 1): the update
 * is {@code sign(b1 m + (1 - b1) g)} (sign 0 at 0), then {@code m = b2 m + (1 - b2) g}. Every coordinate moves
 * by exactly the learning rate, which is why Lion wants a rate 3-10x smaller than AdamW's.
 */
public record ScaleByLion(double beta1, double beta2) implements GradientTransform {
    public ScaleByLion {
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        }
    }

    @Override
    public Map<String, Tensor> init(Tensor parameter) {
        return Map.of("m", Tensor.zerosLike(parameter));
    }

    @Override
    public void update(Tensor update, Tensor parameter, Map<String, Tensor> state, long step) {
        int n = update.size();
        if (update.dtype() == DType.FLOAT32) {
            float[] u = update.floatData();
            float[] m = state.get("m").floatData();
            float b1 = (float) beta1;
            float a1 = (float) (1 - beta1);
            float b2 = (float) beta2;
            float a2 = (float) (1 - beta2);
            for (int i = 0; i < n; i++) {
                float g = u[i];
                u[i] = Math.signum(b1 * m[i] + a1 * g);
                m[i] = b2 * m[i] + a2 * g;
            }
        } else {
            double[] u = update.doubleData();
            double[] m = state.get("m").doubleData();
            for (int i = 0; i < n; i++) {
                double g = u[i];
                u[i] = Math.signum(beta1 * m[i] + (1 - beta1) * g);
                m[i] = beta2 * m[i] + (1 - beta2) * g;
            }
        }
    }
}
