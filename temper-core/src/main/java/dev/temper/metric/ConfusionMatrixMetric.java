package dev.temper.metric;

import dev.temper.tensor.Tensor;

/**
 * Precision, recall and F1 share everything but the formula in counts: a confusion matrix, an {@link Average}
 * and the zero-division rule. A score whose denominator is 0 (no positive predictions for precision, no positive
 * targets for recall) is 0, as sklearn's {@code zero_division=0} and Keras.
 */
abstract class ConfusionMatrixMetric implements Metric {
    private final String baseName;
    private final Average average;
    private final ConfusionMatrix matrix;

    ConfusionMatrixMetric(String baseName, Average average, double threshold) {
        if (average == null) {
            throw new IllegalArgumentException(baseName + ": average must be BINARY, MACRO or MICRO, got null");
        }
        this.baseName = baseName;
        this.average = average;
        this.matrix = average == Average.BINARY ? ConfusionMatrix.binary(threshold) : ConfusionMatrix.multiclass();
    }

    /** The score from one class's (or the summed) true positives, false positives and false negatives. */
    abstract double score(long truePositives, long falsePositives, long falseNegatives);

    final Average average() {
        return average;
    }

    final double threshold() {
        return matrix.threshold();
    }

    static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    @Override
    public String name() {
        return switch (average) {
            case BINARY -> baseName;
            case MACRO -> "macro_" + baseName;
            case MICRO -> "micro_" + baseName;
        };
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        matrix.update(predictions, targets);
    }

    @Override
    public double result() {
        if (matrix.total() == 0) {
            return Double.NaN;
        }
        switch (average) {
            case BINARY:
                return score(matrix.truePositives(1), matrix.falsePositives(1), matrix.falseNegatives(1));
            case MICRO:
                long tp = 0;
                long fp = 0;
                long fn = 0;
                for (int c = 0; c < matrix.classes(); c++) {
                    tp += matrix.truePositives(c);
                    fp += matrix.falsePositives(c);
                    fn += matrix.falseNegatives(c);
                }
                return score(tp, fp, fn);
            default:
                double sum = 0;
                int present = 0;
                for (int c = 0; c < matrix.classes(); c++) {
                    long t = matrix.truePositives(c);
                    long p = matrix.falsePositives(c);
                    long n = matrix.falseNegatives(c);
                    if (t + p + n > 0) {
                        sum += score(t, p, n);
                        present++;
                    }
                }
                return sum / present;
        }
    }

    @Override
    public void reset() {
        matrix.reset();
    }
}
