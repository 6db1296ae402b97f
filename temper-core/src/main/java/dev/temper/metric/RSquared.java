package dev.temper.metric;

import dev.temper.tensor.Tensor;

/**
 * Coefficient of determination {@code R^2 = 1 - SS_res / SS_tot} per output column, {@code SS_res = sum (t - p)^2}
 * and {@code SS_tot = sum (t - mean t)^2}, averaged uniformly over columns: sklearn's {@code r2_score} with
 * {@code multioutput='uniform_average'}. Predictions and targets are {@code [batch]} (one column) or
 * {@code [batch, outputs]}.
 *
 * <p>Accumulated exactly over batches: {@code SS_tot} is kept as a running mean and sum of squared deviations,
 * merged batch by batch (Chan, Golub and LeVeque 1979), which avoids the cancellation of
 * {@code sum t^2 - (sum t)^2 / n}. Constant targets ({@code SS_tot = 0}): 1 when the predictions are exact, else
 * 0, as sklearn's default {@code force_finite=True}. NaN before any sample. Name {@code r2}.
 */
public final class RSquared implements Metric {
    private long count;
    private double[] mean;
    private double[] squaredDeviations;
    private double[] squaredResiduals;

    @Override
    public String name() {
        return "r2";
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        Inputs.checkSameShape(name(), predictions, targets);
        int batch = targets.dim(0);
        if (batch == 0) {
            return;
        }
        int columns = targets.size() / batch;
        if (mean == null) {
            mean = new double[columns];
            squaredDeviations = new double[columns];
            squaredResiduals = new double[columns];
        } else if (mean.length != columns) {
            throw new IllegalArgumentException("r2: earlier batches had " + mean.length + " output columns, this one has targets " + targets.shape());
        }
        double[] p = predictions.toDoubleArray();
        double[] t = targets.toDoubleArray();
        for (int c = 0; c < columns; c++) {
            double batchMean = 0;
            for (int i = 0; i < batch; i++) {
                batchMean += t[i * columns + c];
            }
            batchMean /= batch;
            double batchDeviations = 0;
            double residuals = 0;
            for (int i = 0; i < batch; i++) {
                double d = t[i * columns + c] - batchMean;
                double r = t[i * columns + c] - p[i * columns + c];
                batchDeviations += d * d;
                residuals += r * r;
            }
            double delta = batchMean - mean[c];
            long merged = count + batch;
            squaredDeviations[c] += batchDeviations + delta * delta * count * batch / merged;
            mean[c] += delta * batch / merged;
            squaredResiduals[c] += residuals;
        }
        count += batch;
    }

    @Override
    public double result() {
        if (count == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int c = 0; c < mean.length; c++) {
            if (squaredDeviations[c] == 0) {
                sum += squaredResiduals[c] == 0 ? 1.0 : 0.0;
            } else {
                sum += 1 - squaredResiduals[c] / squaredDeviations[c];
            }
        }
        return sum / mean.length;
    }

    @Override
    public void reset() {
        count = 0;
        mean = null;
        squaredDeviations = null;
        squaredResiduals = null;
    }

    @Override
    public Metric fresh() {
        return new RSquared();
    }
}
