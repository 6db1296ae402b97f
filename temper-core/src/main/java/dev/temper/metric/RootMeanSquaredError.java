package dev.temper.metric;

import dev.temper.tensor.Tensor;

/**
 * {@code sqrt(mean((prediction - target)^2))} over every element seen, Keras's {@code RootMeanSquaredError}: the
 * square root is taken of the epoch's mean, not averaged over batches (that would be biased low). With several
 * outputs this is one RMSE over all elements, not sklearn's mean of per-output RMSEs. Name {@code rmse}.
 */
public final class RootMeanSquaredError implements Metric {
    private double sum;
    private long count;

    @Override
    public String name() {
        return "rmse";
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        Inputs.checkSameShape(name(), predictions, targets);
        double[] p = predictions.toDoubleArray();
        double[] t = targets.toDoubleArray();
        for (int i = 0; i < p.length; i++) {
            double e = p[i] - t[i];
            sum += e * e;
        }
        count += p.length;
    }

    @Override
    public double result() {
        return count == 0 ? Double.NaN : Math.sqrt(sum / count);
    }

    @Override
    public void reset() {
        sum = 0;
        count = 0;
    }

    @Override
    public Metric fresh() {
        return new RootMeanSquaredError();
    }
}
