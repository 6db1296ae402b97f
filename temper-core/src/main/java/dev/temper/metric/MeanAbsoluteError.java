package dev.temper.metric;

import dev.temper.tensor.Tensor;

/**
 * Mean of {@code |prediction - target|} over every element seen (Keras's {@code MeanAbsoluteError} metric; with
 * several outputs, sklearn's uniform average, which is the same number). Predictions and targets have one shape
 * ({@code [batch]} against {@code [batch, 1]} is accepted). Name {@code mae}.
 */
public final class MeanAbsoluteError implements Metric {
    private double sum;
    private long count;

    @Override
    public String name() {
        return "mae";
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        Inputs.checkSameShape(name(), predictions, targets);
        double[] p = predictions.toDoubleArray();
        double[] t = targets.toDoubleArray();
        for (int i = 0; i < p.length; i++) {
            sum += Math.abs(p[i] - t[i]);
        }
        count += p.length;
    }

    @Override
    public double result() {
        return count == 0 ? Double.NaN : sum / count;
    }

    @Override
    public void reset() {
        sum = 0;
        count = 0;
    }

    @Override
    public Metric fresh() {
        return new MeanAbsoluteError();
    }
}
