package dev.temper.metric;

import dev.temper.tensor.Tensor;

/** Fraction of rows whose highest score is at the labelled class (Keras's sparse categorical accuracy). */
public final class Accuracy {
    private Accuracy() {}

    /** Number of correct rows of {@code scores [batch, classes]} against {@code labels [batch]}. */
    public static int correct(Tensor scores, Tensor labels) {
        if (scores.rank() != 2 || labels.rank() != 1 || labels.dim(0) != scores.dim(0)) {
            throw new IllegalArgumentException("accuracy: expected scores [batch, classes] and labels [batch], got " + scores.shape() + " and " + labels.shape());
        }
        Tensor predicted = scores.argmax(1, false);
        int hits = 0;
        for (int i = 0; i < labels.size(); i++) {
            if (predicted.getFlat(i) == labels.getFlat(i)) {
                hits++;
            }
        }
        return hits;
    }

    public static double of(Tensor scores, Tensor labels) {
        return labels.size() == 0 ? Double.NaN : (double) correct(scores, labels) / labels.size();
    }
}
