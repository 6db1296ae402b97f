package dev.temper.loss;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;
import java.util.Arrays;

/**
 * Softmax cross-entropy of logits {@code [batch, classes]} against class indices {@code y [batch]}, with label
 * smoothing and class weights as PyTorch's {@code CrossEntropyLoss(weight, label_smoothing)}: per sample
 * {@code l_i = -sum_c w_c ((1 - eps) [c = y_i] + eps / C) log softmax(x_i)_c} (Szegedy et al. 2016 for the
 * smoothing). Keras's {@code SparseCategoricalCrossentropy(from_logits=True)} when unweighted and unsmoothed.
 *
 * <p>Weighted mean, PyTorch's semantics: with class weights, {@link Reduction#MEAN} divides the sum by
 * {@code sum_i w_(y_i)}, the weights of the samples' target classes, not by the batch size; so the loss is a
 * weighted average of the samples' cross-entropies. Sample weights, when also given, scale the terms only.
 */
public record SparseCategoricalCrossEntropy(double labelSmoothing, double[] classWeights, Reduction reduction) implements PerSampleLoss {
    private static final String NAME = "sparse categorical cross-entropy";

    public SparseCategoricalCrossEntropy {
        ClassTargets.checkSmoothing(NAME, labelSmoothing);
        classWeights = ClassTargets.checkWeights(NAME, classWeights);
        Losses.requireReduction(NAME, reduction);
    }

    public SparseCategoricalCrossEntropy() {
        this(0.0, null, Reduction.MEAN);
    }

    public SparseCategoricalCrossEntropy withLabelSmoothing(double epsilon) {
        return new SparseCategoricalCrossEntropy(epsilon, classWeights, reduction);
    }

    public SparseCategoricalCrossEntropy withClassWeights(double... weights) {
        return new SparseCategoricalCrossEntropy(labelSmoothing, weights, reduction);
    }

    public SparseCategoricalCrossEntropy withReduction(Reduction newReduction) {
        return new SparseCategoricalCrossEntropy(labelSmoothing, classWeights, newReduction);
    }

    @Override
    public double[] classWeights() {
        return classWeights == null ? null : classWeights.clone();
    }

    @Override
    public Variable perSample(Variable output, Tensor targets) {
        ClassTargets.checkLogits(NAME, output, classWeights);
        int[] labels = labels(output, targets);
        int classes = output.shape().dim(1);
        double[] oneHot = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            oneHot[i * classes + labels[i]] = 1;
        }
        return SoftTargetCrossEntropy.apply(output, ClassTargets.coefficients(oneHot, classes, labelSmoothing, classWeights));
    }

    @Override
    public double meanDenominator(Tensor targets, int batch) {
        if (classWeights == null) {
            return batch;
        }
        double sum = 0;
        for (int i = 0; i < targets.size(); i++) {
            sum += classWeights[(int) targets.getFlat(i)];
        }
        return sum;
    }

    @Override
    public boolean classification() {
        return true;
    }

    private static int[] labels(Variable output, Tensor targets) {
        int[] labels = SoftmaxCrossEntropyLoss.classIndices(targets);
        int batch = output.shape().dim(0);
        int classes = output.shape().dim(1);
        if (labels.length != batch) {
            throw new IllegalArgumentException(NAME + ": " + labels.length + " labels for a batch of " + batch + " logits " + output.shape());
        }
        for (int i = 0; i < batch; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(NAME + ": label " + labels[i] + " at row " + i + " is outside 0.." + (classes - 1));
            }
        }
        return labels;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseCategoricalCrossEntropy c && c.labelSmoothing == labelSmoothing
                && Arrays.equals(c.classWeights, classWeights) && c.reduction == reduction;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {labelSmoothing}) * 31 * 31 + Arrays.hashCode(classWeights) * 31 + reduction.hashCode();
    }

    @Override
    public String toString() {
        return "SparseCategoricalCrossEntropy[labelSmoothing=" + labelSmoothing + ", classWeights=" + Arrays.toString(classWeights) + ", reduction=" + reduction + "]";
    }
}
