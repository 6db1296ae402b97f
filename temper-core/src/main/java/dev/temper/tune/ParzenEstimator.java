package dev.temper.tune;

import dev.temper.tensor.Erf;
import dev.temper.tensor.Rng;
import java.util.Arrays;

/**
 * A one-dimensional Parzen window density on {@code [0, 1]}: one Gaussian per observation plus a broad prior
 * component (mean 0.5, standard deviation 1), each truncated to the interval. Bandwidths follow the adaptive rule of
 * Bergstra et al. 2011 as hyperopt and Optuna apply it: with the prior's mean sorted in among the observations, each
 * point's width is the larger gap to its two neighbours (the one gap for the first and the last point; half the
 * interval for a lone observation), clipped to {@code [1 / min(100, n + 2), 1]} for {@code n} observations, so dense
 * regions get narrow kernels and lone points wide ones. Observations carry weights (see {@link #forgettingWeights}).
 */
final class ParzenEstimator {
    private static final double PRIOR_MEAN = 0.5;
    private static final double PRIOR_SIGMA = 1.0;
    /** Observations weighted fully before the older ones are weighted down (hyperopt's and Optuna's 25). */
    static final int FULL_WEIGHT_OBSERVATIONS = 25;

    private final double[] means;
    private final double[] sigmas;
    private final double[] weights;
    private final double[] truncation;

    /**
     * @param observations values in {@code [0, 1]}
     * @param observationWeights one positive weight per observation
     * @param priorWeight the prior component's weight, on the same scale
     */
    ParzenEstimator(double[] observations, double[] observationWeights, double priorWeight) {
        int n = observations.length;
        if (observationWeights.length != n) {
            throw new IllegalArgumentException("ParzenEstimator: " + n + " observations but " + observationWeights.length + " weights");
        }
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
        double minSigma = PRIOR_SIGMA / Math.min(100.0, n + 2.0);
        for (int k = 0; k <= n; k++) {
            means[k] = mus[order[k]];
        }
        for (int k = 0; k <= n; k++) {
            int i = order[k];
            if (i == n) {
                sigmas[k] = PRIOR_SIGMA;
                weights[k] = priorWeight;
                continue;
            }
            double sigma;
            if (n == 1) {
                sigma = 0.5 * PRIOR_SIGMA;
            } else if (k == 0) {
                sigma = means[1] - means[0];
            } else if (k == n) {
                sigma = means[n] - means[n - 1];
            } else {
                sigma = Math.max(means[k] - means[k - 1], means[k + 1] - means[k]);
            }
            sigmas[k] = Math.max(minSigma, Math.min(PRIOR_SIGMA, sigma));
            weights[k] = observationWeights[i];
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

    /**
     * Weights for {@code n} observations in the order they were made: 1 for the newest
     * {@link #FULL_WEIGHT_OBSERVATIONS}, rising linearly from {@code 1 / n} for the older ones, so that a long
     * study's early, mostly random trials fade from the model (hyperopt's "linear forgetting", Optuna's default weights).
     */
    static double[] forgettingWeights(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        int ramp = n - FULL_WEIGHT_OBSERVATIONS;
        if (ramp > 0) {
            for (int i = 0; i < ramp; i++) {
                w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * i / (ramp - 1);
            }
        }
        return w;
    }

    /** The components' means, sorted (the prior's among them), for tests. */
    double[] means() {
        return means.clone();
    }

    /** The components' bandwidths, in the order of {@link #means}. */
    double[] sigmas() {
        return sigmas.clone();
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
