package dev.temper.data;

import dev.temper.tensor.Tensor;

/**
 * Per-feature standardization {@code (x - mean) / std}, fitted on the training split only, so that nothing of the
 * validation or test data leaks into training (the statistics of held-out rows are exactly what they must not
 * see). The standard deviation is the population one; a constant feature (std 0) is only centred, as
 * scikit-learn's StandardScaler does.
 */
public record Standardization(double[] mean, double[] std) {

    /** Fits on {@code features [n, d]}. */
    public static Standardization fit(Tensor features) {
        if (features.rank() != 2 || features.dim(0) < 1) {
            throw new IllegalArgumentException("standardization: expected features [n >= 1, d], got " + features.shape());
        }
        int n = features.dim(0);
        int d = features.dim(1);
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += features.get(i, j);
            }
            double m = s / n;
            double q = 0;
            for (int i = 0; i < n; i++) {
                double e = features.get(i, j) - m;
                q += e * e;
            }
            mean[j] = m;
            std[j] = Math.sqrt(q / n);
        }
        return new Standardization(mean, std);
    }

    /** A standardized copy of {@code features [n, d]}. */
    public Tensor apply(Tensor features) {
        if (features.rank() != 2 || features.dim(1) != mean.length) {
            throw new IllegalArgumentException("standardization: fitted on " + mean.length + " features, got input " + features.shape());
        }
        Tensor out = features.copy();
        int n = features.dim(0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < mean.length; j++) {
                double scale = std[j] > 0 ? std[j] : 1;
                out.set((features.get(i, j) - mean[j]) / scale, i, j);
            }
        }
        return out;
    }

    /** The dataset with standardized features and the same targets. */
    public Dataset apply(Dataset data) {
        return new Dataset(apply(data.features()), data.targets());
    }
}
