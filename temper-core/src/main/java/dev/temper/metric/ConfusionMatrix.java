package dev.temper.metric;

import dev.temper.tensor.Tensor;

/**
 * Counts of (true class, predicted class) pairs accumulated over batches: {@code counts()[t][p]}, rows true
 * classes and columns predictions (sklearn's {@code confusion_matrix} layout). Binary: scores {@code [batch]} or
 * {@code [batch, 1]} thresholded ({@code score > threshold} is class 1) against 0/1 labels, a 2 x 2 matrix.
 * Multiclass: the argmax of {@code [batch, classes]} scores against class indices or one-hot rows; the number of
 * classes is fixed by the first batch.
 *
 * <p>Not a {@link Metric}, whose result is one number; {@link Precision}, {@link Recall} and {@link F1Score} are
 * computed from it.
 */
public final class ConfusionMatrix {
    private final boolean binary;
    private final double threshold;
    private long[][] counts;

    private ConfusionMatrix(boolean binary, double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("ConfusionMatrix: threshold must be finite, got " + threshold);
        }
        this.binary = binary;
        this.threshold = threshold;
        this.counts = binary ? new long[2][2] : null;
    }

    /** Binary scores thresholded at {@code threshold} (0.5 for probabilities, 0 for logits). */
    public static ConfusionMatrix binary(double threshold) {
        return new ConfusionMatrix(true, threshold);
    }

    /** Argmax of class scores; the class count comes from the first batch. */
    public static ConfusionMatrix multiclass() {
        return new ConfusionMatrix(false, 0);
    }

    public boolean isBinary() {
        return binary;
    }

    public double threshold() {
        return threshold;
    }

    public void update(Tensor predictions, Tensor targets) {
        if (binary) {
            double[] scores = Inputs.binaryScores("confusion matrix", predictions);
            int[] labels = Inputs.binaryLabels("confusion matrix", targets, scores.length);
            for (int i = 0; i < scores.length; i++) {
                counts[labels[i]][scores[i] > threshold ? 1 : 0]++;
            }
            return;
        }
        Inputs.checkClassScores("confusion matrix", predictions);
        int classes = predictions.dim(1);
        if (counts == null) {
            counts = new long[classes][classes];
        } else if (counts.length != classes) {
            throw new IllegalArgumentException("confusion matrix: earlier batches had " + counts.length + " classes, this one has predictions " + predictions.shape());
        }
        int[] labels = Inputs.classLabels("confusion matrix", targets, predictions.dim(0), classes);
        int[] predicted = Inputs.argmax(predictions);
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]][predicted[i]]++;
        }
    }

    /** Number of classes: 2 when binary, 0 for a multiclass matrix that has seen nothing. */
    public int classes() {
        return counts == null ? 0 : counts.length;
    }

    /** A copy of the counts, {@code [true class][predicted class]}. */
    public long[][] counts() {
        long[][] copy = new long[classes()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    public long total() {
        long sum = 0;
        for (int t = 0; t < classes(); t++) {
            for (long n : counts[t]) {
                sum += n;
            }
        }
        return sum;
    }

    public long truePositives(int c) {
        return counts[c][c];
    }

    /** Samples predicted as {@code c} whose true class is another. */
    public long falsePositives(int c) {
        long sum = 0;
        for (int t = 0; t < classes(); t++) {
            sum += t == c ? 0 : counts[t][c];
        }
        return sum;
    }

    /** Samples of class {@code c} predicted as another. */
    public long falseNegatives(int c) {
        long sum = 0;
        for (int p = 0; p < classes(); p++) {
            sum += p == c ? 0 : counts[c][p];
        }
        return sum;
    }

    public void reset() {
        counts = binary ? new long[2][2] : null;
    }

    /** A new, empty matrix of the same kind and threshold. */
    public ConfusionMatrix fresh() {
        return new ConfusionMatrix(binary, threshold);
    }
}
