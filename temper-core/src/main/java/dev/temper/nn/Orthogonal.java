package dev.temper.nn;

import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.Arrays;

/** {@link Initializer#orthogonal(double)}: Gram-Schmidt of a standard normal matrix, scaled by the gain. */
final class Orthogonal implements Initializer {
    private final double gain;

    Orthogonal(double gain) {
        if (!(gain > 0) || !Double.isFinite(gain)) {
            throw new IllegalArgumentException("Initializer.orthogonal: gain must be finite and > 0, got " + gain);
        }
        this.gain = gain;
    }

    @Override
    public Tensor create(int[] shape, int fanIn, int fanOut, Rng rng) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("Initializer.orthogonal: needs a shape of 2 or more dimensions, got "
                    + Arrays.toString(shape) + " (use it for kernels, not biases)");
        }
        int rows = shape[0];
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        Tensor out = Tensor.zeros(shape);
        if (size == 0) {
            return out;
        }
        int cols = (int) (size / rows);
        // The min(rows, cols) vectors to orthonormalize: the columns of a tall matrix, the rows of a wide one. Each
        // is stored as one contiguous array, so the inner loops run over consecutive doubles.
        boolean tall = rows >= cols;
        int count = Math.min(rows, cols);
        int length = Math.max(rows, cols);
        double[][] v = new double[count][length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double z = rng.nextGaussian(); // drawn in row-major order whatever the orientation
                if (tall) {
                    v[j][i] = z;
                } else {
                    v[i][j] = z;
                }
            }
        }
        orthonormalize(v);
        float[] d = out.floatData();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                d[i * cols + j] = (float) (gain * (tall ? v[j][i] : v[i][j]));
            }
        }
        return out;
    }

    /**
     * Modified Gram-Schmidt, each vector orthogonalized twice ("twice is enough": Giraud, Langou and Rozloznik
     * 2005), which keeps the result orthonormal to working precision. Dividing by a positive norm makes R's
     * diagonal positive, which is what makes the distribution uniform (Mezzadri 2007).
     */
    private static void orthonormalize(double[][] v) {
        for (int j = 0; j < v.length; j++) {
            double[] a = v[j];
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < j; p++) {
                    double[] q = v[p];
                    double dot = 0;
                    for (int i = 0; i < a.length; i++) {
                        dot += a[i] * q[i];
                    }
                    for (int i = 0; i < a.length; i++) {
                        a[i] -= dot * q[i];
                    }
                }
            }
            double norm = 0;
            for (double x : a) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            // A normal matrix is singular with probability 0; guard anyway rather than divide by ~0.
            if (!(norm > 1e-12)) {
                throw new IllegalStateException("Initializer.orthogonal: drew a rank-deficient matrix; use another seed");
            }
            for (int i = 0; i < a.length; i++) {
                a[i] /= norm;
            }
        }
    }
}
