package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The kernels that let a training step write into tensors it already has (gradient buffers) instead of allocating:
 * each gives the bits of the allocating expression it replaces, or, for GEMM with beta 1, its value to rounding.
 */
class InPlaceKernelsTest {

    @Test
    void sumOfSquaresMatchesSquareThenSumAndAnExactSum() {
        Rng rng = new Rng(1);
        Tensor big = rng.normal(0f, 2f, 301, 257); // several chunks: split across the kernel threads
        double exact = exactSumOfSquares(big.toDoubleArray());
        assertEquals(exact, big.sumOfSquares().item(), Math.ulp((float) exact));
        assertEquals(big.square().sum().item(), big.sumOfSquares().item(), 2 * Math.ulp((float) exact));
        Tensor view = big.transpose().narrow(0, 3, 100);
        assertEquals(exactSumOfSquares(view.toDoubleArray()), view.sumOfSquares().item(), 1e-7 * exact);
        Tensor d = big.to(DType.FLOAT64);
        assertEquals(DType.FLOAT64, d.sumOfSquares().dtype());
        java.math.BigDecimal exactDouble = java.math.BigDecimal.ZERO;
        for (double v : d.toDoubleArray()) {
            exactDouble = exactDouble.add(new java.math.BigDecimal(v).multiply(new java.math.BigDecimal(v)));
        }
        assertEquals(exactDouble.doubleValue(), d.sumOfSquares().item(), 1e-12 * exact);
        assertEquals(25.0, Tensor.of(new float[] {3, 4}, 2).sumOfSquares().item()); // the tail loop alone
        assertEquals(0.0, Tensor.zeros(0).sumOfSquares().item());
    }

    /** The float32 squares (as the kernel rounds them), summed exactly with BigDecimal. */
    private static double exactSumOfSquares(double[] values) {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (double v : values) {
            sum = sum.add(new java.math.BigDecimal((double) ((float) v * (float) v)));
        }
        return sum.doubleValue();
    }

    @Test
    void mulKeepWherePositiveHasTheBitsOfTheTwoPasses() {
        Rng rng = new Rng(3);
        int rows = 130;
        int cols = 513; // 66,690 elements: three chunks, the last short
        Tensor g = rng.normal(0f, 1f, rows, cols);
        Tensor sign = rng.normal(0f, 1f, rows, cols);
        float[] gs = g.floatData();
        float[] ss = sign.floatData();
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f, Float.MIN_VALUE, -Float.MIN_VALUE};
        for (int i = 0; i < specials.length; i++) {
            for (int j = 0; j < specials.length; j++) {
                gs[i * cols + j] = specials[i];
                ss[i * cols + j] = specials[j];
            }
        }
        float[] expected = g.mul(1.25).keepWherePositive(sign).toFloatArray();
        float[] fused = g.copy().mulKeepWherePositiveInPlace(1.25, sign).toFloatArray();
        assertEquals(expected.length, fused.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(fused[i]), "element " + i);
        }
        // the fallback: float64, and a sign that is a view
        assertArrayEquals(g.to(DType.FLOAT64).mul(1.25).keepWherePositive(sign.to(DType.FLOAT64)).toDoubleArray(),
                g.to(DType.FLOAT64).mulKeepWherePositiveInPlace(1.25, sign.to(DType.FLOAT64)).toDoubleArray());
        Tensor signView = sign.transpose().contiguous().transpose();
        assertArrayEquals(expected, g.copy().mulKeepWherePositiveInPlace(1.25, signView).toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> g.copy().mulKeepWherePositiveInPlace(2.0, Tensor.zeros(3)));
        assertThrows(IllegalArgumentException.class, () -> g.transpose().mulKeepWherePositiveInPlace(2.0, sign.transpose()));
    }

    @Test
    void copyScaledFromHasTheBitsOfMul() {
        Rng rng = new Rng(2);
        Tensor x = rng.normal(0f, 1f, 200, 300);
        Tensor target = Tensor.full(Float.NaN, 200, 300);
        target.copyScaledFromInPlace(-0.37, x);
        assertArrayEquals(x.mul(-0.37).toFloatArray(), target.toFloatArray());
        Tensor fromView = Tensor.zeros(300, 200);
        fromView.copyScaledFromInPlace(3.0, x.transpose());
        assertArrayEquals(x.transpose().mul(3.0).toFloatArray(), fromView.toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> target.copyScaledFromInPlace(1.0, Tensor.zeros(3)));
        assertThrows(IllegalArgumentException.class, () -> fromView.transpose().copyScaledFromInPlace(1.0, x));
    }

    @Test
    void matmulAccumulateMatchesMatmulForViewsAndAddsWithBetaOne() {
        Rng rng = new Rng(3);
        Tensor xT = rng.normal(0f, 1f, 64, 37).transpose(); // [37, 64] view, as a dense layer's x^T
        Tensor g = rng.normal(0f, 1f, 64, 29);
        Tensor out = Tensor.full(Float.NaN, 37, 29);
        out.matmulAccumulateInPlace(xT, g, 0.0); // beta 0: old values (NaN) ignored
        assertArrayEquals(xT.matmul(g).toFloatArray(), out.toFloatArray());

        Tensor before = out.copy();
        out.matmulAccumulateInPlace(xT, g, 1.0);
        float[] expected = before.add(xT.matmul(g)).toFloatArray();
        float[] got = out.toFloatArray();
        for (int i = 0; i < got.length; i++) {
            assertEquals(expected[i], got[i], 1e-5f * (1 + Math.abs(expected[i])), "element " + i);
        }

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(37, 30).matmulAccumulateInPlace(xT, g, 0.0));
        assertTrue(e.getMessage().contains("[37, 30]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(29, 37).transpose().matmulAccumulateInPlace(xT, g, 0.0));
    }
}
