package dev.temper.metric;

/**
 * Recall {@code tp / (tp + fn)}: of the positive samples, the fraction predicted positive (sklearn's {@code recall_score}, Keras's {@code Recall}); 0 when there are no positive samples.
 *
 * <p>{@link #binary()} thresholds {@code [batch]} or {@code [batch, 1]} scores against 0/1 labels (name
 * {@code recall}); {@link #macro()} and {@link #micro()} take the argmax of {@code [batch, classes]} scores
 * against class indices or one-hot rows (names {@code macro_recall}, {@code micro_recall}). See {@link Average}.
 */
public final class Recall extends ConfusionMatrixMetric {

    private Recall(Average average, double threshold) {
        super("recall", average, threshold);
    }

    /** Binary, probabilities thresholded at 0.5. */
    public static Recall binary() {
        return new Recall(Average.BINARY, 0.5);
    }

    /** Binary, predicted positive when {@code score > threshold} (use 0 for logits). */
    public static Recall binary(double threshold) {
        return new Recall(Average.BINARY, threshold);
    }

    public static Recall macro() {
        return new Recall(Average.MACRO, 0);
    }

    public static Recall micro() {
        return new Recall(Average.MICRO, 0);
    }

    @Override
    double score(long truePositives, long falsePositives, long falseNegatives) {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    @Override
    public Metric fresh() {
        return new Recall(average(), threshold());
    }
}
