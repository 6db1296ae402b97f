package dev.temper.loss;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;
import java.util.Arrays;

/**
 * Softmax cross-entropy of logits {@code [batch, classes]} against one-hot or probability targets
 * {@code q [batch, classes]}: Keras's {@code CategoricalCrossentropy(from_logits=True)}, PyTorch's
 * {@code CrossEntropyLoss} with probability targets. Per sample
 * {@code l_i = -sum_c w_c q'_ic log softmax(x_i)_c} with smoothed targets {@code q' = (1 - eps) q + eps / C}
 * (label smoothing, Szegedy et al. 2016, "Rethinking the Inception Architecture", PyTorch's
 * {@code label_smoothing}) and optional class weights {@code w_c} (1 when null).
 *
 * <p>{@link Reduction#MEAN} divides by the batch size, as PyTorch does for probability targets even with class
 * weights (for class-index targets see {@link SparseCategoricalCrossEntropy}, which divides by the weight sum).
 */
public record CategoricalCrossEntropy(double labelSmoothing, double[] classWeights, Reduction reduction) implements PerSampleLoss {
    private static final String NAME = "categorical cross-entropy";

    public CategoricalCrossEntropy {
        ClassTargets.checkSmoothing(NAME, labelSmoothing);
        classWeights = ClassTargets.checkWeights(NAME, classWeights);
        Losses.requireReduction(NAME, reduction);
    }

    public CategoricalCrossEntropy() {
        this(0.0, null, Reduction.MEAN);
    }

    public CategoricalCrossEntropy withLabelSmoothing(double epsilon) {
        return new CategoricalCrossEntropy(epsilon, classWeights, reduction);
    }

    public CategoricalCrossEntropy withClassWeights(double... weights) {
        return new CategoricalCrossEntropy(labelSmoothing, weights, reduction);
    }

    public CategoricalCrossEntropy withReduction(Reduction newReduction) {
        return new CategoricalCrossEntropy(labelSmoothing, classWeights, newReduction);
    }

    @Override
    public double[] classWeights() {
        return classWeights == null ? null : classWeights.clone();
    }

    @Override
    public Variable perSample(Variable output, Tensor targets) {
        ClassTargets.checkLogits(NAME, output, classWeights);
        if (!targets.shape().equals(output.shape())) {
            throw new IllegalArgumentException(NAME + ": targets must be one-hot or probability rows of the logits' shape " + output.shape() + ", got " + targets.shape() + " (class indices go to SparseCategoricalCrossEntropy)");
        }
        Targets.checkRange(NAME, targets, 0, 1);
        double[] a = ClassTargets.coefficients(targets.toDoubleArray(), output.shape().dim(1), labelSmoothing, classWeights);
        return SoftTargetCrossEntropy.apply(output, a);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoricalCrossEntropy c && c.labelSmoothing == labelSmoothing
                && Arrays.equals(c.classWeights, classWeights) && c.reduction == reduction;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {labelSmoothing}) * 31 * 31 + Arrays.hashCode(classWeights) * 31 + reduction.hashCode();
    }

    @Override
    public String toString() {
        return "CategoricalCrossEntropy[labelSmoothing=" + labelSmoothing + ", classWeights=" + Arrays.toString(classWeights) + ", reduction=" + reduction + "]";
    }
}
