package dev.temper.optim;

import dev.temper.tensor.DType;
import dev.temper.tensor.Parallel;
import dev.temper.tensor.Tensor;
import java.util.HashMap;
import java.util.Map;

/**
 * Adam's direction (Kingma and Ba 2015, Algorithm 1): with gradient g at step t,
 * {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2}, and the update
 * {@code (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)}. The optimizer then scales it by the learning rate.
 * Epsilon is added after the square root, as in the paper, PyTorch and Keras.
 *
 * <p>AMSGrad (Reddi et al. 2018, "On the Convergence of Adam and Beyond"), as PyTorch implements it: keep
 * {@code vMax = max(vMax, v)} and use it in place of {@code v}, still divided by the bias correction
 * {@code 1 - b2^t} of the current step (the paper's algorithm has no bias correction; PyTorch and Keras
 * correct {@code vMax}).
 */
public record ScaleByAdam(double beta1, double beta2, double epsilon, boolean amsgrad) implements GradientTransform {
    public ScaleByAdam {
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
    }

    public ScaleByAdam(double beta1, double beta2, double epsilon) {
        this(beta1, beta2, epsilon, false);
    }

    @Override
    public Map<String, Tensor> init(Tensor parameter) {
        Map<String, Tensor> state = new HashMap<>();
        state.put("m", Tensor.zerosLike(parameter));
        state.put("v", Tensor.zerosLike(parameter));
        if (amsgrad) {
            state.put("vMax", Tensor.zerosLike(parameter));
        }
        return state;
    }

    /**
     * Adam's whole step, {@code p += scale * mhat / (sqrt(vhat) + eps)}, in one pass over gradient, moments and
     * parameter (float32): the same arithmetic as {@link #update} followed by the optimizer's {@code p += scale * u},
     * so the same bits, with a third of the memory traffic and no update buffer. A pending L2 term ({@code valueTerm})
     * is added to each gradient element as it is read: no pass writing it into the gradient first.
     */
    @Override
    public Parallel.RangeBody inPlaceStep(Tensor gradient, Tensor parameter, Map<String, Tensor> state, long step,
                                          double scale, double valueTerm) {
        if (parameter.dtype() != DType.FLOAT32) {
            return null;
        }
        float[] gr = gradient.floatData();
        int go = gradient.offset();
        float[] p = parameter.floatData();
        float[] ma = state.get("m").floatData();
        float[] va = state.get("v").floatData();
        float[] vm = amsgrad ? state.get("vMax").floatData() : null;
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float a1 = (float) (1 - beta1);
        float a2 = (float) (1 - beta2);
        float k1 = (float) (1.0 / (1.0 - Math.pow(beta1, step)));
        float k2 = (float) (1.0 / (1.0 - Math.pow(beta2, step)));
        float eps = (float) epsilon;
        float al = (float) scale;
        float vt = (float) valueTerm;
        return (s, e) -> {
            if (vm == null && go == 0 && vt != 0f) { // the L2 term added as read; same index everywhere: vectorized
                for (int i = s; i < e; i++) {
                    float g = gr[i] + vt * p[i];
                    float mi = b1 * ma[i] + a1 * g;
                    float vi = b2 * va[i] + a2 * g * g;
                    ma[i] = mi;
                    va[i] = vi;
                    p[i] += al * ((mi * k1) / ((float) Math.sqrt(vi * k2) + eps));
                }
            } else if (vm == null && go == 0) { // same index everywhere: C2 vectorizes the loop
                for (int i = s; i < e; i++) {
                    float g = gr[i];
                    float mi = b1 * ma[i] + a1 * g;
                    float vi = b2 * va[i] + a2 * g * g;
                    ma[i] = mi;
                    va[i] = vi;
                    p[i] += al * ((mi * k1) / ((float) Math.sqrt(vi * k2) + eps));
                }
            } else {
                for (int i = s; i < e; i++) {
                    float g = vt == 0f ? gr[go + i] : gr[go + i] + vt * p[i];
                    float mi = b1 * ma[i] + a1 * g;
                    float vi = b2 * va[i] + a2 * g * g;
                    float second = vi;
                    if (vm != null) {
                        second = Math.max(vm[i], vi);
                        vm[i] = second;
                    }
                    ma[i] = mi;
                    va[i] = vi;
                    p[i] += al * ((mi * k1) / ((float) Math.sqrt(second * k2) + eps));
                }
            }
        };
    }

    @Override
    public void update(Tensor update, Tensor parameter, Map<String, Tensor> state, long step) {
        Tensor m = state.get("m");
        Tensor v = state.get("v");
        double c1 = 1.0 / (1.0 - Math.pow(beta1, step));
        double c2 = 1.0 / (1.0 - Math.pow(beta2, step));
        int n = update.size();
        if (update.dtype() == DType.FLOAT32) {
            float[] u = update.floatData();
            float[] ma = m.floatData();
            float[] va = v.floatData();
            float[] vm = amsgrad ? state.get("vMax").floatData() : null;
            float b1 = (float) beta1;
            float b2 = (float) beta2;
            float a1 = (float) (1 - beta1);
            float a2 = (float) (1 - beta2);
            float k1 = (float) c1;
            float k2 = (float) c2;
            float eps = (float) epsilon;
            Parallel.forRange(n, 1 << 15, (s, e) -> {
                if (vm == null) {
                    for (int i = s; i < e; i++) {
                        float g = u[i];
                        float mi = b1 * ma[i] + a1 * g;
                        float vi = b2 * va[i] + a2 * g * g;
                        ma[i] = mi;
                        va[i] = vi;
                        u[i] = (mi * k1) / ((float) Math.sqrt(vi * k2) + eps);
                    }
                } else {
                    for (int i = s; i < e; i++) {
                        float g = u[i];
                        float mi = b1 * ma[i] + a1 * g;
                        float vi = b2 * va[i] + a2 * g * g;
                        float vmax = Math.max(vm[i], vi);
                        ma[i] = mi;
                        va[i] = vi;
                        vm[i] = vmax;
                        u[i] = (mi * k1) / ((float) Math.sqrt(vmax * k2) + eps);
                    }
                }
            });
        } else {
            double[] u = update.doubleData();
            double[] ma = m.doubleData();
            double[] va = v.doubleData();
            double[] vm = amsgrad ? state.get("vMax").doubleData() : null;
            for (int i = 0; i < n; i++) {
                double g = u[i];
                ma[i] = beta1 * ma[i] + (1 - beta1) * g;
                va[i] = beta2 * va[i] + (1 - beta2) * g * g;
                double second = va[i];
                if (vm != null) {
                    vm[i] = Math.max(vm[i], va[i]);
                    second = vm[i];
                }
                u[i] = (ma[i] * c1) / (Math.sqrt(second * c2) + epsilon);
            }
        }
    }
}
