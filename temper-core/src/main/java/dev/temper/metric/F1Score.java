package dev.temper.metric;

/**
 * F1 score, the harmonic mean of precision and recall, as {@code 2 tp / (2 tp + fp + fn)} (sklearn's {@code f1_score}); 0 when {@code tp + fp + fn = 0}. The macro average is the mean of per-class F1 scores, not the F1 of macro precision and recall (as sklearn).
 *
 * <p>{@link #binary()} thresholds {@code [batch]} or {@code [batch, 1]} scores against 0/1 labels (name
 * {@code f1}); {@link #macro()} and {@link #micro()} take the argmax of {@code [batch, classes]} scores
 * against class indices or one-hot rows (names {@code macro_f1}, {@code micro_f1}). See {@link Average}.
 */
public final class F1Score extends ConfusionMatrixMetric {

    private F1Score(Average average, double threshold) {
        super("f1", average, threshold);
    }

    /** Binary, probabilities thresholded at 0.5. */
    public static F1Score binary() {
        return new F1Score(Average.BINARY, 0.5);
    }

    /** Binary, predicted positive when {@code score > threshold} (use 0 for logits). */
    public static F1Score binary(double threshold) {
        return new F1Score(Average.BINARY, threshold);
    }

    public static F1Score macro() {
        return new F1Score(Average.MACRO, 0);
    }

    public static F1Score micro() {
        return new F1Score(Average.MICRO, 0);
    }

    @Override
    double score(long truePositives, long falsePositives, long falseNegatives) {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    @Override
    public Metric fresh() {
        return new F1Score(average(), threshold());
    }
}
