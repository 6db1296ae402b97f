package dev.temper.autograd;

import dev.temper.tensor.Tensor;

/**
 * Mean softmax cross-entropy of logits {@code [batch, classes]} against integer labels, as one fused op:
 * {@code loss = -(1/B) sum_i log softmax(x_i)[y_i]}, with log-softmax computed by log-sum-exp so that huge logits
 * stay finite. Backward in one step: {@code dx_i = (softmax(x_i) - onehot(y_i)) * g / B}.
 *
 * <p>Fusing avoids materializing softmax, its log and the one-hot matrix as separate graph nodes, and is the
 * numerically stable form (the separate softmax-then-log path gives -inf for a confidently wrong prediction).
 */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {}

    public static Variable apply(Variable logits, int[] labels) {
        Tensor x = logits.value();
        if (x.rank() != 2) {
            throw new IllegalArgumentException("softmax cross-entropy: logits must be [batch, classes], got shape " + x.shape());
        }
        int batch = x.dim(0);
        int classes = x.dim(1);
        if (labels.length != batch) {
            throw new IllegalArgumentException("softmax cross-entropy: " + labels.length + " labels for a batch of " + batch + " logits " + x.shape());
        }
        for (int i = 0; i < batch; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("softmax cross-entropy: label " + labels[i] + " at row " + i + " is outside 0.." + (classes - 1) + " (the model has " + classes + " outputs)");
            }
        }
        Tensor logProbabilities = x.logSoftmax();
        double total = 0;
        for (int i = 0; i < batch; i++) {
            total -= logProbabilities.get(i, labels[i]);
        }
        int[] y = labels.clone();
        Tensor loss = Tensor.scalar(x.dtype(), batch == 0 ? 0 : total / batch);
        return Variable.fromOp(loss, g -> {
            Tensor grad = logProbabilities.exp();
            for (int i = 0; i < batch; i++) {
                grad.set(grad.get(i, y[i]) - 1.0, i, y[i]);
            }
            logits.accumulateFreshGrad(grad.mul(g.item() / Math.max(1, batch)));
        }, logits);
    }
}
