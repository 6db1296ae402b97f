package dev.temper.optim;

import dev.temper.tensor.DType;
import dev.temper.tensor.Tensor;
import java.util.HashMap;
import java.util.Map;

/**
 * RMSprop's direction (Hinton, Coursera lecture 6e, 2012), in PyTorch's form: {@code v = alpha v + (1 - alpha)
 * g^2}; the denominator is {@code sqrt(v) + eps}, or when centered (Graves 2013) {@code sqrt(v - gAvg^2) + eps}
 * with {@code gAvg = alpha gAvg + (1 - alpha) g}; the update is {@code g / denominator}, or with momentum
 * {@code buf = momentum buf + g / denominator} and the update {@code buf}. (Keras puts epsilon inside the
 * square root in some versions; PyTorch adds it outside, as here.)
 */
public record ScaleByRms(double alpha, double epsilon, boolean centered, double momentum)
        implements GradientTransform {
    public ScaleByRms {
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1), got " + alpha);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
    }

    @Override
    public Map<String, Tensor> init(Tensor parameter) {
        Map<String, Tensor> state = new HashMap<>();
        state.put("v", Tensor.zerosLike(parameter));
        if (centered) {
            state.put("gradientAverage", Tensor.zerosLike(parameter));
        }
        if (momentum > 0) {
            state.put("momentum", Tensor.zerosLike(parameter));
        }
        return state;
    }

    @Override
    public void update(Tensor update, Tensor parameter, Map<String, Tensor> state, long step) {
        int n = update.size();
        if (update.dtype() == DType.FLOAT32) {
            float[] u = update.floatData();
            float[] v = state.get("v").floatData();
            float[] ga = centered ? state.get("gradientAverage").floatData() : null;
            float[] buf = momentum > 0 ? state.get("momentum").floatData() : null;
            float a = (float) alpha;
            float b = (float) (1 - alpha);
            float eps = (float) epsilon;
            float mu = (float) momentum;
            for (int i = 0; i < n; i++) {
                float g = u[i];
                float vi = a * v[i] + b * g * g;
                v[i] = vi;
                if (ga != null) {
                    float gi = a * ga[i] + b * g;
                    ga[i] = gi;
                    vi -= gi * gi;
                }
                float d = g / ((float) Math.sqrt(vi) + eps);
                if (buf != null) {
                    d = mu * buf[i] + d;
                    buf[i] = d;
                }
                u[i] = d;
            }
        } else {
            double[] u = update.doubleData();
            double[] v = state.get("v").doubleData();
            double[] ga = centered ? state.get("gradientAverage").doubleData() : null;
            double[] buf = momentum > 0 ? state.get("momentum").doubleData() : null;
            for (int i = 0; i < n; i++) {
                double g = u[i];
                double vi = alpha * v[i] + (1 - alpha) * g * g;
                v[i] = vi;
                if (ga != null) {
                    double gi = alpha * ga[i] + (1 - alpha) * g;
                    ga[i] = gi;
                    vi -= gi * gi;
                }
                double d = g / (Math.sqrt(vi) + epsilon);
                if (buf != null) {
                    d = momentum * buf[i] + d;
                    buf[i] = d;
                }
                u[i] = d;
            }
        }
    }
}
