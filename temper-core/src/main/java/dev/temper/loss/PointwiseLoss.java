package dev.temper.loss;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;

/**
 * Fused op for losses that are a function of each output element and its target: per-sample loss
 * {@code l_i = (1/F) sum_j f(x_ij, t_ij)} over the {@code F} elements of sample {@code i} (Keras's mean over the
 * last axis), backward {@code dx_ij = g_i f'(x_ij, t_ij) / F}. One pass in double precision instead of a chain
 * of graph nodes; it also lets each loss use its numerically stable closed form.
 */
final class PointwiseLoss {
    private PointwiseLoss() {}

    /** {@code targets} must already have the output's shape (see {@link Targets#matching}). */
    static Variable apply(Variable output, Tensor targets, PointwiseFunction f) {
        return apply(output, targets, f, true);
    }

    /** As {@link #apply(Variable, Tensor, PointwiseFunction)}, summing over each sample's elements when not {@code mean}. */
    static Variable apply(Variable output, Tensor targets, PointwiseFunction f, boolean mean) {
        Tensor x = output.value();
        int batch = x.dim(0);
        int features = batch == 0 ? 1 : x.size() / batch;
        int divisor = mean ? features : 1;
        double[] xs = x.toDoubleArray();
        double[] ts = targets.toDoubleArray();
        double[] perSample = new double[batch];
        for (int i = 0; i < batch; i++) {
            double sum = 0;
            for (int j = i * features; j < (i + 1) * features; j++) {
                sum += f.value(xs[j], ts[j]);
            }
            perSample[i] = sum / divisor;
        }
        Tensor loss = Tensor.wrap(perSample, batch).to(x.dtype());
        return Variable.fromOp(loss, g -> {
            double[] gs = g.toDoubleArray();
            double[] dx = new double[xs.length];
            for (int i = 0; i < batch; i++) {
                double scale = gs[i] / divisor;
                for (int j = i * features; j < (i + 1) * features; j++) {
                    dx[j] = scale * f.derivative(xs[j], ts[j]);
                }
            }
            output.accumulateGrad(Tensor.wrap(dx, x.dims()).to(x.dtype()));
        }, output);
    }
}
