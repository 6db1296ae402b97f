package dev.temper.metric;

import dev.temper.tensor.Tensor;

/**
 * Fraction of samples whose score, thresholded, equals the 0/1 label: predicted 1 when {@code score > threshold}
 * (Keras's {@code BinaryAccuracy}, default threshold 0.5 for probabilities; use 0 for logits). Predictions and
 * targets are {@code [batch]} or {@code [batch, 1]}. Name {@code binary_accuracy}.
 */
public final class BinaryAccuracy implements Metric {
    private final double threshold;
    private long correct;
    private long seen;

    public BinaryAccuracy() {
        this(0.5);
    }

    public BinaryAccuracy(double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("BinaryAccuracy: threshold must be finite, got " + threshold);
        }
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "binary_accuracy";
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        double[] scores = Inputs.binaryScores(name(), predictions);
        int[] labels = Inputs.binaryLabels(name(), targets, scores.length);
        for (int i = 0; i < scores.length; i++) {
            if ((scores[i] > threshold ? 1 : 0) == labels[i]) {
                correct++;
            }
        }
        seen += scores.length;
    }

    @Override
    public double result() {
        return seen == 0 ? Double.NaN : (double) correct / seen;
    }

    @Override
    public void reset() {
        correct = 0;
        seen = 0;
    }

    @Override
    public Metric fresh() {
        return new BinaryAccuracy(threshold);
    }
}
