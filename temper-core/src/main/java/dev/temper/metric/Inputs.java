package dev.temper.metric;

import dev.temper.tensor.Tensor;

/** Shape and value checks shared by the metrics; each reads its tensors into plain arrays once. */
final class Inputs {
    private Inputs() {}

    /** One score per sample from {@code [batch]} or {@code [batch, 1]}. */
    static double[] binaryScores(String metric, Tensor predictions) {
        if (!(predictions.rank() == 1 || (predictions.rank() == 2 && predictions.dim(1) == 1))) {
            throw new IllegalArgumentException(metric + ": predictions must be [batch] or [batch, 1] scores, got shape " + predictions.shape());
        }
        return predictions.toDoubleArray();
    }

    /** Labels 0 or 1, one per sample, from {@code [batch]} or {@code [batch, 1]}. */
    static int[] binaryLabels(String metric, Tensor targets, int batch) {
        if (!(targets.rank() == 1 || (targets.rank() == 2 && targets.dim(1) == 1)) || targets.dim(0) != batch) {
            throw new IllegalArgumentException(metric + ": targets must be [" + batch + "] or [" + batch + ", 1] labels 0 or 1, got shape " + targets.shape());
        }
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            double v = targets.getFlat(i);
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException(metric + ": targets must be 0 or 1, got " + v + " at row " + i);
            }
            labels[i] = (int) v;
        }
        return labels;
    }

    /** Checks {@code scores [batch, classes]}. */
    static void checkClassScores(String metric, Tensor scores) {
        if (scores.rank() != 2 || scores.dim(1) < 1) {
            throw new IllegalArgumentException(metric + ": predictions must be [batch, classes] scores, got shape " + scores.shape());
        }
    }

    /**
     * Class indices from {@code [batch]} labels, or the argmax of {@code [batch, classes]} one-hot or probability
     * rows.
     */
    static int[] classLabels(String metric, Tensor targets, int batch, int classes) {
        if (targets.rank() == 2 && targets.dim(0) == batch && targets.dim(1) == classes) {
            return argmax(targets);
        }
        if (targets.rank() != 1 || targets.dim(0) != batch) {
            throw new IllegalArgumentException(metric + ": targets must be [" + batch + "] class indices or [" + batch + ", " + classes + "] one-hot rows, got shape " + targets.shape());
        }
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            double v = targets.getFlat(i);
            if (v != Math.rint(v) || v < 0 || v >= classes) {
                throw new IllegalArgumentException(metric + ": target at row " + i + " is " + v + ", not a class index in 0.." + (classes - 1));
            }
            labels[i] = (int) v;
        }
        return labels;
    }

    /** Index of each row's largest value; the first one on ties (as numpy's and Keras's argmax). */
    static int[] argmax(Tensor rows) {
        int batch = rows.dim(0);
        int classes = rows.dim(1);
        double[] v = rows.toDoubleArray();
        int[] best = new int[batch];
        for (int i = 0; i < batch; i++) {
            int b = 0;
            for (int c = 1; c < classes; c++) {
                if (v[i * classes + c] > v[i * classes + b]) {
                    b = c;
                }
            }
            best[i] = b;
        }
        return best;
    }

    /** Predictions and targets of one regression batch, flattened; {@code [batch]} against {@code [batch, 1]} is fine. */
    static void checkSameShape(String metric, Tensor predictions, Tensor targets) {
        boolean same = predictions.shape().equals(targets.shape())
                || (predictions.size() == targets.size() && predictions.rank() <= 2 && targets.rank() <= 2
                        && predictions.rank() >= 1 && targets.rank() >= 1 && predictions.dim(0) == targets.dim(0)
                        && predictions.size() == predictions.dim(0));
        if (!same) {
            throw new IllegalArgumentException(metric + ": predictions " + predictions.shape() + " and targets " + targets.shape() + " must have the same shape");
        }
    }
}
