package dev.temper.optim;

import dev.temper.tensor.DType;
import dev.temper.tensor.Tensor;
import java.util.Map;

/**
 * Adagrad's direction (Duchi, Hazan and Singer 2011), as PyTorch: {@code sum += g^2}, update
 * {@code g / (sqrt(sum) + eps)}; {@code sum} starts at {@code initialAccumulatorValue}.
 */
public record ScaleByAdagrad(double initialAccumulatorValue, double epsilon) implements GradientTransform {
    public ScaleByAdagrad {
        if (!(initialAccumulatorValue >= 0) || !Double.isFinite(initialAccumulatorValue)) {
            throw new IllegalArgumentException(
                    "initialAccumulatorValue must be >= 0, got " + initialAccumulatorValue);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
    }

    @Override
    public Map<String, Tensor> init(Tensor parameter) {
        Tensor sum = Tensor.zerosLike(parameter);
        sum.fillInPlace(initialAccumulatorValue);
        return Map.of("sum", sum);
    }

    @Override
    public void update(Tensor update, Tensor parameter, Map<String, Tensor> state, long step) {
        int n = update.size();
        if (update.dtype() == DType.FLOAT32) {
            float[] u = update.floatData();
            float[] s = state.get("sum").floatData();
            float eps = (float) epsilon;
            for (int i = 0; i < n; i++) {
                float g = u[i];
                float si = s[i] + g * g;
                s[i] = si;
                u[i] = g / ((float) Math.sqrt(si) + eps);
            }
        } else {
            double[] u = update.doubleData();
            double[] s = state.get("sum").doubleData();
            for (int i = 0; i < n; i++) {
                double g = u[i];
                s[i] += g * g;
                u[i] = g / (Math.sqrt(s[i]) + epsilon);
            }
        }
    }
}
