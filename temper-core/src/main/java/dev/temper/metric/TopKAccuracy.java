package dev.temper.metric;

import dev.temper.tensor.Tensor;

/**
 * Fraction of samples whose true class is among the {@code k} highest scores of {@code [batch, classes]}
 * predictions; targets are {@code [batch]} class indices or one-hot rows. Ties as TensorFlow's {@code in_top_k}
 * (behind Keras's {@code TopKCategoricalAccuracy}): the true class counts as within the top k when fewer than
 * {@code k} classes score strictly higher, so classes tied at the boundary are all in. Name
 * {@code top_<k>_accuracy}. For {@code k = 1} prefer {@link CategoricalAccuracy}, which breaks ties by argmax.
 */
public final class TopKAccuracy implements Metric {
    private final int k;
    private long correct;
    private long seen;

    public TopKAccuracy(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("TopKAccuracy: k must be >= 1, got " + k);
        }
        this.k = k;
    }

    @Override
    public String name() {
        return "top_" + k + "_accuracy";
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        Inputs.checkClassScores(name(), predictions);
        int batch = predictions.dim(0);
        int classes = predictions.dim(1);
        int[] labels = Inputs.classLabels(name(), targets, batch, classes);
        double[] s = predictions.toDoubleArray();
        for (int i = 0; i < batch; i++) {
            double own = s[i * classes + labels[i]];
            int higher = 0;
            for (int c = 0; c < classes; c++) {
                if (s[i * classes + c] > own) {
                    higher++;
                }
            }
            if (higher < k) {
                correct++;
            }
        }
        seen += batch;
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
        return new TopKAccuracy(k);
    }
}
