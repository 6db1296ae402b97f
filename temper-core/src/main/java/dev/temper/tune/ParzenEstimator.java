package dev.temper.tune;

import dev.temper.tensor.Erf;
import dev.temper.tensor.Rng;
import java.util.Arrays;

/**
 * A one-dimensional Parzen window density on {@code [0, 1]}: one Gaussian per observation plus a broad prior
 * component (mean 0.5, standard deviation 1), each truncated to the interval. Bandwidths follow hyperopt's adaptive
 * rule (Bergstra et al. 2011): each point's width is the larger gap to its neighbours in sorted order, clipped
 * to {@code [1 / min(100, n + 1), 1]}, so dense regions get narrow kernels and lone points wide ones.
 */
final class ParzenEstimator {
    private static final double PRIOR_MEAN = 0.5;
    private static final double PRIOR_SIGMA = 1.0;

    private final double[] means;
    private final double[] sigmas;
    private final double[] weights;
    private final double[] truncation;

    ParzenEstimator(double[] observations, double priorWeight) {
        int n = observations.length;
        double[] mus = Arrays.copyOf(observations, n + 1);
        mus[n] = PRIOR_MEAN;
        Integer[] order = new Integer[n + 1];
        for (int i = 0; i <= n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(mus[a], mus[b]));
        means = new double[n + 1];
        sigmas = new double[n + 1];
        weights = new double[n + 1];
        truncation = new double[n + 1];
        double minSigma = PRIOR_SIGMA / Math.min(100.0, n + 1.0);
        for (int k = 0; k <= n; k++) {
            int i = order[k];
            means[k] = mus[i];
            if (i == n) {
                sigmas[k] = PRIOR_SIGMA;
                weights[k] = priorWeight;
            } else {
                double left = k > 0 ? mus[i] - mus[order[k - 1]] : mus[i];
                double right = k < n ? mus[order[k + 1]] - mus[i] : 1 - mus[i];
                sigmas[k] = Math.max(minSigma, Math.min(PRIOR_SIGMA, Math.max(left, right)));
                weights[k] = 1.0;
            }
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        for (int k = 0; k <= n; k++) {
            weights[k] /= total;
            truncation[k] = cdf((1 - means[k]) / sigmas[k]) - cdf(-means[k] / sigmas[k]);
        }
    }

    /** A draw: a component by weight, then its Gaussian truncated to [0, 1] (by rejection). */
    double sample(Rng rng) {
        double u = rng.nextDouble();
        int k = 0;
        while (k < weights.length - 1 && u >= weights[k]) {
            u -= weights[k];
            k++;
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            double x = means[k] + sigmas[k] * rng.nextGaussian();
            if (x >= 0 && x <= 1) {
                return x;
            }
        }
        return Math.max(0, Math.min(1, means[k]));
    }

    double logDensity(double x) {
        double p = 0;
        for (int k = 0; k < means.length; k++) {
            double z = (x - means[k]) / sigmas[k];
            p += weights[k] * Math.exp(-0.5 * z * z) / (sigmas[k] * Math.sqrt(2 * Math.PI) * Math.max(truncation[k], 1e-12));
        }
        return Math.log(Math.max(p, 1e-300));
    }

    static double cdf(double z) {
        return 0.5 * (1 + Erf.erf(z / Math.sqrt(2)));
    }
}
