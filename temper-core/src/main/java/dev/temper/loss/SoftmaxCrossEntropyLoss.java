package dev.temper.loss;

import dev.temper.autograd.SoftmaxCrossEntropy;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;

/**
 * Cross-entropy of softmax(logits) against integer class labels, mean over the batch: Keras's
 * {@code SparseCategoricalCrossentropy(from_logits=True)}, PyTorch's {@code CrossEntropyLoss}. The model's last
 * layer must output raw logits (no softmax): the fused, log-sum-exp-stable op applies it.
 *
 * <p>Targets: a {@code [batch]} tensor of class indices.
 */
public final class SoftmaxCrossEntropyLoss implements Loss {
    @Override
    public Variable compute(Variable output, Tensor targets) {
        return SoftmaxCrossEntropy.apply(output, classIndices(targets));
    }

    @Override
    public boolean classification() {
        return true;
    }

    /** Class labels as ints; rejects values that are not whole numbers. */
    public static int[] classIndices(Tensor targets) {
        if (targets.rank() != 1) {
            throw new IllegalArgumentException("class labels must be a [batch] tensor of indices, got shape " + targets.shape());
        }
        int[] labels = new int[targets.size()];
        for (int i = 0; i < labels.length; i++) {
            double v = targets.getFlat(i);
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException("class label at row " + i + " is " + v + ", not a whole number");
            }
            labels[i] = (int) v;
        }
        return labels;
    }
}
