package dev.temper.metric;

import dev.temper.tensor.Tensor;

/**
 * Fraction of samples whose highest score in {@code [batch, classes]} predictions is at the true class; targets
 * are {@code [batch]} class indices (Keras's {@code SparseCategoricalAccuracy}) or one-hot / probability rows
 * (Keras's {@code CategoricalAccuracy}, argmax of the row). Ties go to the first maximum. Name {@code accuracy}.
 */
public final class CategoricalAccuracy implements Metric {
    private long correct;
    private long seen;

    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        Inputs.checkClassScores(name(), predictions);
        int batch = predictions.dim(0);
        int[] labels = Inputs.classLabels(name(), targets, batch, predictions.dim(1));
        int[] predicted = Inputs.argmax(predictions);
        for (int i = 0; i < batch; i++) {
            if (predicted[i] == labels[i]) {
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
        return new CategoricalAccuracy();
    }
}
