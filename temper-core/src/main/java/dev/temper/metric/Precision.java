package dev.temper.metric;

/**
 * Precision {@code tp / (tp + fp)}: of the samples predicted positive, the fraction that are (sklearn's {@code precision_score}, Keras's {@code Precision}); 0 when nothing is predicted positive.
 *
 * <p>{@link #binary()} thresholds {@code [batch]} or {@code [batch, 1]} scores against 0/1 labels (name
 * {@code precision}); {@link #macro()} and {@link #micro()} take the argmax of {@code [batch, classes]} scores
 * against class indices or one-hot rows (names {@code macro_precision}, {@code micro_precision}). See {@link Average}.
 */
public final class Precision extends ConfusionMatrixMetric {

    private Precision(Average average, double threshold) {
        super("precision", average, threshold);
    }

    /** Binary, probabilities thresholded at 0.5. */
    public static Precision binary() {
        return new Precision(Average.BINARY, 0.5);
    }

    /** Binary, predicted positive when {@code score > threshold} (use 0 for logits). */
    public static Precision binary(double threshold) {
        return new Precision(Average.BINARY, threshold);
    }

    public static Precision macro() {
        return new Precision(Average.MACRO, 0);
    }

    public static Precision micro() {
        return new Precision(Average.MICRO, 0);
    }

    @Override
    double score(long truePositives, long falsePositives, long falseNegatives) {
        return ratio(truePositives, truePositives + falsePositives);
    }

    @Override
    public Metric fresh() {
        return new Precision(average(), threshold());
    }
}
