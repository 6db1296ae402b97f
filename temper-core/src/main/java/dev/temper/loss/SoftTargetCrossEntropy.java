package dev.temper.loss;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;

/**
 * Fused, per-sample softmax cross-entropy of logits {@code x [batch, classes]} against non-negative target
 * coefficients {@code a [batch, classes]} (a one-hot or probability row, already smoothed and multiplied by class
 * weights): {@code l_i = -sum_c a_ic log softmax(x_i)_c}, with log-softmax by log-sum-exp so logits of +-100 stay
 * finite. Backward in one step: {@code dx_ic = g_i (A_i softmax(x_i)_c - a_ic)} with {@code A_i = sum_c a_ic}.
 */
final class SoftTargetCrossEntropy {
    private SoftTargetCrossEntropy() {}

    static Variable apply(Variable logits, double[] coefficients) {
        Tensor x = logits.value();
        int batch = x.dim(0);
        int classes = x.dim(1);
        double[] logP = x.logSoftmax().toDoubleArray();
        double[] a = coefficients;
        double[] perSample = new double[batch];
        double[] totals = new double[batch];
        for (int i = 0; i < batch; i++) {
            double loss = 0;
            double total = 0;
            for (int j = i * classes; j < (i + 1) * classes; j++) {
                if (a[j] != 0) {
                    loss -= a[j] * logP[j];
                    total += a[j];
                }
            }
            perSample[i] = loss;
            totals[i] = total;
        }
        return Variable.fromOp(Tensor.wrap(perSample, batch).to(x.dtype()), g -> {
            double[] gs = g.toDoubleArray();
            double[] dx = new double[logP.length];
            for (int i = 0; i < batch; i++) {
                for (int j = i * classes; j < (i + 1) * classes; j++) {
                    dx[j] = gs[i] * (totals[i] * Math.exp(logP[j]) - a[j]);
                }
            }
            logits.accumulateGrad(Tensor.wrap(dx, x.dims()).to(x.dtype()));
        }, logits);
    }
}
