package dev.temper.tune;

import dev.temper.tensor.Rng;

/**
 * Gaussian-process regression on the unit cube with a Matern 5/2 kernel with one length scale per dimension
 * (automatic relevance determination), the kernel Snoek, Larochelle and Adams recommend for hyperparameter
 * search ("Practical Bayesian optimization of machine learning algorithms", NeurIPS 2012, section 3.1):
 * {@code k(x, x') = s (1 + sqrt5 r + 5 r^2 / 3) exp(-sqrt5 r)}, {@code r^2 = sum_d ((x_d - x'_d) / l_d)^2}, plus
 * noise variance {@code v} on the diagonal. Targets are standardized to mean 0 and variance 1 first.
 *
 * <p>The hyperparameters (log length scales, log signal variance {@code s}, log noise {@code v}) maximize the log
 * marginal likelihood {@code -y^T K^-1 y / 2 - log det K / 2 - n log(2 pi) / 2} (type-II maximum likelihood, where
 * Snoek et al. integrate them out by slice sampling): the best of a default and some random starts, refined by a
 * coordinate pattern search in log space, all inside fixed bounds that keep the fit sane on a few points.
 */
final class GaussianProcess {
    private static final double SQRT5 = Math.sqrt(5);
    private static final double LOG_LENGTH_MIN = Math.log(0.02);
    private static final double LOG_LENGTH_MAX = Math.log(5.0);
    private static final double LOG_SIGNAL_MIN = Math.log(0.05);
    private static final double LOG_SIGNAL_MAX = Math.log(20.0);
    private static final double LOG_NOISE_MIN = Math.log(1e-6);
    private static final double LOG_NOISE_MAX = Math.log(0.5);
    private static final int RANDOM_STARTS = 4;

    private final double[][] x;
    private final double[] lengths;
    private final double signal;
    private final Cholesky factor;
    private final double[] alpha;
    private final double mean;
    private final double scale;

    private GaussianProcess(double[][] x, double[] theta, Cholesky factor, double[] alpha, double mean, double scale) {
        this.x = x;
        int d = x[0].length;
        this.lengths = new double[d];
        for (int i = 0; i < d; i++) {
            lengths[i] = Math.exp(theta[i]);
        }
        this.signal = Math.exp(theta[d]);
        this.factor = factor;
        this.alpha = alpha;
        this.mean = mean;
        this.scale = scale;
    }

    /** Fits to {@code n} points {@code x} (each in the unit cube) with values {@code y}. */
    static GaussianProcess fit(double[][] x, double[] y, Rng rng) {
        int n = y.length;
        int d = x[0].length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean);
        }
        double scale = n > 1 && var > 0 ? Math.sqrt(var / (n - 1)) : 1.0;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = (y[i] - mean) / scale;
        }
        double[] best = new double[d + 2];
        java.util.Arrays.fill(best, 0, d, Math.log(0.3));
        best[d] = 0;
        best[d + 1] = Math.log(1e-4);
        double bestLikelihood = logLikelihood(x, z, best);
        for (int s = 0; s < RANDOM_STARTS; s++) {
            double[] theta = new double[d + 2];
            for (int i = 0; i < d + 2; i++) {
                theta[i] = lower(i, d) + rng.nextDouble() * (upper(i, d) - lower(i, d));
            }
            double l = logLikelihood(x, z, theta);
            if (l > bestLikelihood) {
                bestLikelihood = l;
                best = theta;
            }
        }
        // Pattern search: try a step up and down along each coordinate, halve the step when nothing improves.
        for (double step = 1.0; step > 0.1; ) {
            boolean improved = false;
            for (int i = 0; i < d + 2; i++) {
                for (int sign = -1; sign <= 1; sign += 2) {
                    double[] theta = best.clone();
                    theta[i] = Math.max(lower(i, d), Math.min(upper(i, d), theta[i] + sign * step));
                    double l = logLikelihood(x, z, theta);
                    if (l > bestLikelihood + 1e-9) {
                        bestLikelihood = l;
                        best = theta;
                        improved = true;
                    }
                }
            }
            if (!improved) {
                step /= 2;
            }
        }
        Cholesky factor = covarianceFactor(x, best);
        if (factor == null) { // cannot happen at the noise floor's bound on sane data, but never divide by it blind
            best[d + 1] = LOG_NOISE_MAX;
            factor = covarianceFactor(x, best);
        }
        return new GaussianProcess(x, best, factor, factor.solve(z), mean, scale);
    }

    private static double lower(int i, int d) {
        return i < d ? LOG_LENGTH_MIN : i == d ? LOG_SIGNAL_MIN : LOG_NOISE_MIN;
    }

    private static double upper(int i, int d) {
        return i < d ? LOG_LENGTH_MAX : i == d ? LOG_SIGNAL_MAX : LOG_NOISE_MAX;
    }

    private static double logLikelihood(double[][] x, double[] z, double[] theta) {
        Cholesky c = covarianceFactor(x, theta);
        if (c == null) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] a = c.solveLower(z);
        double fit = 0;
        for (double v : a) {
            fit += v * v;
        }
        return -0.5 * fit - 0.5 * c.logDeterminant() - 0.5 * z.length * Math.log(2 * Math.PI);
    }

    private static Cholesky covarianceFactor(double[][] x, double[] theta) {
        int n = x.length;
        int d = x[0].length;
        double[] inverseLengths = new double[d];
        for (int i = 0; i < d; i++) {
            inverseLengths[i] = Math.exp(-theta[i]);
        }
        double signal = Math.exp(theta[d]);
        double noise = Math.exp(theta[d + 1]);
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            k[i][i] = signal + noise;
            for (int j = 0; j < i; j++) {
                double v = matern(x[i], x[j], inverseLengths, signal);
                k[i][j] = v;
                k[j][i] = v;
            }
        }
        return Cholesky.factor(k);
    }

    private static double matern(double[] a, double[] b, double[] inverseLengths, double signal) {
        double r2 = 0;
        for (int i = 0; i < a.length; i++) {
            double t = (a[i] - b[i]) * inverseLengths[i];
            r2 += t * t;
        }
        double r = Math.sqrt(r2);
        return signal * (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
    }

    /** Posterior mean and standard deviation at {@code point}, in the units of the original targets. */
    double[] predict(double[] point) {
        int n = x.length;
        double[] inverseLengths = new double[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            inverseLengths[i] = 1 / lengths[i];
        }
        double[] k = new double[n];
        double mu = 0;
        for (int i = 0; i < n; i++) {
            k[i] = matern(point, x[i], inverseLengths, signal);
            mu += k[i] * alpha[i];
        }
        double[] v = factor.solveLower(k);
        double variance = signal;
        for (double t : v) {
            variance -= t * t;
        }
        return new double[] {mean + scale * mu, scale * Math.sqrt(Math.max(variance, 1e-12))};
    }
}
