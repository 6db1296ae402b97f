package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The max-pooling kernels, the float32 2x2-stride-2 fast path included, against a naive loop over every window:
 * value and argmax (the first maximum in row-major order on ties, the first NaN once one appears), and the
 * backward pass routing each gradient to its argmax.
 */
class MaxPoolingTest {

    /** Each window's value and argmax straight from the definition. */
    private static void naive(Tensor x, Conv2dGeometry g, double[] values, int[] argmax) {
        int k = 0;
        for (int p = 0; p < x.dim(0) * g.channels(); p++) {
            for (int oy = 0; oy < g.outHeight(); oy++) {
                for (int ox = 0; ox < g.outWidth(); ox++, k++) {
                    int best = -1;
                    double max = 0;
                    for (int i = 0; i < g.kernelHeight(); i++) {
                        for (int j = 0; j < g.kernelWidth(); j++) {
                            int at = p * g.height() * g.width() + (oy * g.strideHeight() + i) * g.width() + ox * g.strideWidth() + j;
                            double v = x.getFlat(at);
                            boolean takes = best < 0 || v > max || (Double.isNaN(v) && !Double.isNaN(max));
                            if (takes) {
                                max = v;
                                best = at;
                            }
                        }
                    }
                    values[k] = max;
                    argmax[k] = best;
                }
            }
        }
    }

    /** Values from a few levels, so windows often tie (-0.0 with 0.0 too: the first one must win), with some NaN. */
    private static Tensor tiedWithNaN(DType type, long seed, int... shape) {
        Rng rng = new Rng(seed);
        Tensor x = rng.uniform(0f, 1f, shape);
        for (int i = 0; i < x.size(); i++) {
            double u = x.getFlat(i);
            double[] levels = {-1, -0.0, 0.0, 1, 2};
            x.setFlat(i, u < 0.03 ? Double.NaN : levels[Math.min(4, (int) Math.floor(u * 5))]);
        }
        return x.to(type);
    }

    private static void check(DType type, int kh, int kw, int sh, int sw, long seed) {
        Tensor x = tiedWithNaN(type, seed, 3, 2, 9, 8);
        Conv2dGeometry g = Conv2dGeometry.of("pool", 2, 9, 8, kh, kw, sh, sw, 1, 1, Padding.valid());
        int outputs = 3 * 2 * g.outPositions();
        double[] expected = new double[outputs];
        int[] expectedArgmax = new int[outputs];
        naive(x, g, expected, expectedArgmax);
        int[] argmax = new int[outputs];
        Tensor y = MaxPooling.forward(x, g, argmax);
        String what = type + " " + kh + "x" + kw + " stride " + sh + "x" + sw;
        assertArrayEquals(expectedArgmax, argmax, what + ": argmax");
        assertArrayEquals(expected, y.toDoubleArray(), what + ": values");

        Tensor grad = new Rng(seed + 1).normal(0f, 1f, y.dims()).to(type);
        double[] expectedDx = new double[x.size()];
        for (int k = 0; k < outputs; k++) {
            expectedDx[expectedArgmax[k]] += grad.getFlat(k);
        }
        double[] dx = MaxPooling.backward(grad, argmax, g).toDoubleArray();
        for (int i = 0; i < dx.length; i++) {
            assertEquals(expectedDx[i], dx[i], 1e-6, what + ": gradient at " + i);
        }
    }

    @Test
    void twoByTwoStrideTwoFastPathMatchesTheDefinition() {
        check(DType.FLOAT32, 2, 2, 2, 2, 1);
        check(DType.FLOAT64, 2, 2, 2, 2, 2);
    }

    @Test
    void generalWindowsMatchTheDefinition() {
        check(DType.FLOAT32, 3, 3, 2, 2, 3);
        check(DType.FLOAT32, 2, 3, 1, 2, 4);
        check(DType.FLOAT64, 3, 2, 3, 1, 5);
    }
}
