package dev.temper.optim;

import dev.temper.tensor.DType;
import dev.temper.tensor.Tensor;
import java.util.Map;

/**
 * Adadelta's direction (Zeiler 2012, Algorithm 1), as PyTorch: {@code v = rho v + (1 - rho) g^2},
 * {@code delta = sqrt(u + eps) / sqrt(v + eps) * g}, {@code u = rho u + (1 - rho) delta^2}; the update is
 * {@code delta} (the optimizer multiplies by the learning rate, 1.0 in the paper).
 */
public record ScaleByAdadelta(double rho, double epsilon) implements GradientTransform {
    public ScaleByAdadelta {
        if (!(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("rho must be in [0, 1), got " + rho);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
    }

    @Override
    public Map<String, Tensor> init(Tensor parameter) {
        return Map.of("v", Tensor.zerosLike(parameter), "u", Tensor.zerosLike(parameter));
    }

    @Override
    public void update(Tensor update, Tensor parameter, Map<String, Tensor> state, long step) {
        int n = update.size();
        if (update.dtype() == DType.FLOAT32) {
            float[] x = update.floatData();
            float[] v = state.get("v").floatData();
            float[] u = state.get("u").floatData();
            float r = (float) rho;
            float c = (float) (1 - rho);
            float eps = (float) epsilon;
            for (int i = 0; i < n; i++) {
                float g = x[i];
                float vi = r * v[i] + c * g * g;
                v[i] = vi;
                float d = (float) Math.sqrt(u[i] + eps) / (float) Math.sqrt(vi + eps) * g;
                u[i] = r * u[i] + c * d * d;
                x[i] = d;
            }
        } else {
            double[] x = update.doubleData();
            double[] v = state.get("v").doubleData();
            double[] u = state.get("u").doubleData();
            for (int i = 0; i < n; i++) {
                double g = x[i];
                v[i] = rho * v[i] + (1 - rho) * g * g;
                double d = Math.sqrt(u[i] + epsilon) / Math.sqrt(v[i] + epsilon) * g;
                u[i] = rho * u[i] + (1 - rho) * d * d;
                x[i] = d;
            }
        }
    }
}
