package dev.temper.nn;

import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;

/**
 * Orthogonal initialization (Saxe, McClelland and Ganguli 2014), the default for recurrent kernels in Keras:
 * a standard normal matrix is orthonormalized, so a 2-D {@code [rows, cols]} result has orthonormal rows when
 * {@code rows <= cols} and orthonormal columns otherwise. Repeated multiplication by an orthogonal matrix neither
 * grows nor shrinks the state, which is why recurrent kernels start there.
 *
 * <p>Method: draw {@code A [max, min]} from N(0, 1), orthonormalize its columns by modified Gram-Schmidt in double
 * precision (the QR factorization {@code A = QR} with a positive diagonal of R, i.e. the sign correction Keras and
 * PyTorch apply so the distribution is uniform over orthogonal matrices), and transpose when {@code rows < cols}.
 * Package-private on purpose: a general {@code Initializer.orthogonal} is being added separately.
 */
final class OrthogonalMatrix {
    private OrthogonalMatrix() {}

    /** A float32 {@code [rows, cols]} tensor as described above. */
    static Tensor create(int rows, int cols, Rng rng) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("OrthogonalMatrix: rows and cols must be >= 1, got [" + rows + ", " + cols + "]");
        }
        int n = Math.max(rows, cols);
        int m = Math.min(rows, cols);
        double[][] columns = new double[m][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                columns[j][i] = rng.nextGaussian();
            }
        }
        for (int j = 0; j < m; j++) {
            double[] q = columns[j];
            for (int k = 0; k < j; k++) {
                double dot = dot(columns[k], q);
                axpy(-dot, columns[k], q);
            }
            double norm = Math.sqrt(dot(q, q));
            if (norm < 1e-12) {
                // a (practically impossible) rank-deficient draw: replace the column and retry it
                for (int i = 0; i < n; i++) {
                    q[i] = rng.nextGaussian();
                }
                j--;
                continue;
            }
            for (int i = 0; i < n; i++) {
                q[i] /= norm;
            }
        }
        Tensor out = Tensor.zeros(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                // column j of Q holds element i; rows >= cols stores Q, rows < cols stores Q^T
                double v = rows >= cols ? columns[c][r] : columns[r][c];
                out.set(v, r, c);
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }
}
