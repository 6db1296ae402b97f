package dev.temper.optim;

import dev.temper.tensor.DType;
import dev.temper.tensor.Tensor;
import java.util.HashMap;
import java.util.Map;

/**
 * Nadam's direction (Dozat 2016, "Incorporating Nesterov Momentum into Adam"), following PyTorch's
 * {@code NAdam} exactly, momentum decay included: at step t, {@code mu_t = b1 (1 - 0.5 * 0.96^(t psi))} with
 * {@code psi = momentumDecay} (4e-3 in the paper and PyTorch), {@code P_t = prod_{i<=t} mu_i},
 * {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2}, {@code d = sqrt(v / (1 - b2^t)) + eps}, and
 * the update {@code (1 - mu_t) / (1 - P_t) * g / d + mu_{t+1} / (1 - P_t mu_{t+1}) * m / d}.
 * {@code P_t} is kept as a one-element float64 state tensor {@code muProduct}, so it survives save/restore.
 * (Keras's Nadam uses the same schedule with its own epsilon placement.)
 */
public record ScaleByNadam(double beta1, double beta2, double epsilon, double momentumDecay)
        implements GradientTransform {
    public ScaleByNadam {
        new ScaleByAdam(beta1, beta2, epsilon); // validates the shared arguments
        if (!(momentumDecay >= 0) || !Double.isFinite(momentumDecay)) {
            throw new IllegalArgumentException("momentumDecay must be >= 0, got " + momentumDecay);
        }
    }

    @Override
    public Map<String, Tensor> init(Tensor parameter) {
        Map<String, Tensor> state = new HashMap<>();
        state.put("m", Tensor.zerosLike(parameter));
        state.put("v", Tensor.zerosLike(parameter));
        state.put("muProduct", Tensor.full(DType.FLOAT64, 1.0, 1));
        return state;
    }

    @Override
    public void update(Tensor update, Tensor parameter, Map<String, Tensor> state, long step) {
        double mu = beta1 * (1 - 0.5 * Math.pow(0.96, step * momentumDecay));
        double muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (step + 1) * momentumDecay));
        double[] product = state.get("muProduct").doubleData();
        product[0] *= mu;
        double kg = (1 - mu) / (1 - product[0]);
        double km = muNext / (1 - product[0] * muNext);
        double c2 = 1.0 / (1.0 - Math.pow(beta2, step));
        int n = update.size();
        if (update.dtype() == DType.FLOAT32) {
            float[] u = update.floatData();
            float[] ma = state.get("m").floatData();
            float[] va = state.get("v").floatData();
            float b1 = (float) beta1;
            float b2 = (float) beta2;
            float a1 = (float) (1 - beta1);
            float a2 = (float) (1 - beta2);
            float fg = (float) kg;
            float fm = (float) km;
            float k2 = (float) c2;
            float eps = (float) epsilon;
            for (int i = 0; i < n; i++) {
                float g = u[i];
                float mi = b1 * ma[i] + a1 * g;
                float vi = b2 * va[i] + a2 * g * g;
                ma[i] = mi;
                va[i] = vi;
                u[i] = (fg * g + fm * mi) / ((float) Math.sqrt(vi * k2) + eps);
            }
        } else {
            double[] u = update.doubleData();
            double[] ma = state.get("m").doubleData();
            double[] va = state.get("v").doubleData();
            for (int i = 0; i < n; i++) {
                double g = u[i];
                ma[i] = beta1 * ma[i] + (1 - beta1) * g;
                va[i] = beta2 * va[i] + (1 - beta2) * g * g;
                u[i] = (kg * g + km * ma[i]) / (Math.sqrt(va[i] * c2) + epsilon);
            }
        }
    }
}
