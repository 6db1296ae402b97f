package dev.temper.tune;

/**
 * The Cholesky factor {@code L} of a symmetric positive-definite matrix ({@code A = L L^T}) and the triangular
 * solves a Gaussian process needs. Small dense matrices (a few hundred rows) in plain double arrays.
 */
final class Cholesky {
    private final double[][] lower;

    private Cholesky(double[][] lower) {
        this.lower = lower;
    }

    /** Factors {@code a}; null when it is not numerically positive definite. */
    static Cholesky factor(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            double[] lj = l[j];
            for (int k = 0; k < j; k++) {
                d -= lj[k] * lj[k];
            }
            if (!(d > 0)) {
                return null;
            }
            double diagonal = Math.sqrt(d);
            lj[j] = diagonal;
            for (int i = j + 1; i < n; i++) {
                double[] li = l[i];
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= li[k] * lj[k];
                }
                li[j] = s / diagonal;
            }
        }
        return new Cholesky(l);
    }

    int size() {
        return lower.length;
    }

    /** Solves {@code L x = b}. */
    double[] solveLower(double[] b) {
        int n = lower.length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            double[] li = lower[i];
            for (int k = 0; k < i; k++) {
                s -= li[k] * x[k];
            }
            x[i] = s / li[i];
        }
        return x;
    }

    /** Solves {@code L^T x = b}. */
    double[] solveUpper(double[] b) {
        int n = lower.length;
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= lower[k][i] * x[k];
            }
            x[i] = s / lower[i][i];
        }
        return x;
    }

    /** Solves {@code A x = b}. */
    double[] solve(double[] b) {
        return solveUpper(solveLower(b));
    }

    /** {@code log det A = 2 sum log L_ii}. */
    double logDeterminant() {
        double s = 0;
        for (int i = 0; i < lower.length; i++) {
            s += Math.log(lower[i][i]);
        }
        return 2 * s;
    }
}
