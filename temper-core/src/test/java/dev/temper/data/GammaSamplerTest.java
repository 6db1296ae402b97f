package dev.temper.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.Rng;
import org.junit.jupiter.api.Test;

class GammaSamplerTest {
    @Test
    void gammaHasMeanAndVarianceEqualToItsShape() {
        int n = 40_000;
        for (double shape : new double[] {0.3, 1.0, 2.5, 9.0}) {
            Rng rng = new Rng(17);
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double g = GammaSampler.gamma(shape, rng);
                assertTrue(g >= 0);
                sum += g;
                squares += g * g;
            }
            double mean = sum / n;
            double variance = squares / n - mean * mean;
            // Gamma(k, 1): mean k, variance k, fourth central moment 3k^2 + 6k (for the variance's standard error)
            assertEquals(shape, mean, 5 * Math.sqrt(shape / n), "mean for shape " + shape);
            double varianceError = Math.sqrt((3 * shape * shape + 6 * shape - shape * shape) / n);
            assertEquals(shape, variance, 5 * varianceError, "variance for shape " + shape);
        }
    }

    @Test
    void betaHasItsMeanAndVariance() {
        int n = 40_000;
        double a = 2;
        double b = 5;
        Rng rng = new Rng(23);
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double x = GammaSampler.beta(a, b, rng);
            assertTrue(x >= 0 && x <= 1);
            sum += x;
            squares += x * x;
        }
        double mean = sum / n;
        // Beta(a, b): mean a / (a + b), variance ab / ((a + b)^2 (a + b + 1))
        double variance = a * b / ((a + b) * (a + b) * (a + b + 1));
        assertEquals(a / (a + b), mean, 5 * Math.sqrt(variance / n));
        assertEquals(variance, squares / n - mean * mean, 0.1 * variance);
    }

    @Test
    void sameSeedSameDrawsAndBadShapesRejected() {
        assertEquals(GammaSampler.gamma(0.7, new Rng(1)), GammaSampler.gamma(0.7, new Rng(1)));
        String m = assertThrows(IllegalArgumentException.class, () -> GammaSampler.gamma(0, new Rng(1))).getMessage();
        assertTrue(m.contains("shape") && m.contains("0"), m);
        m = assertThrows(IllegalArgumentException.class, () -> GammaSampler.beta(1, -1, new Rng(1))).getMessage();
        assertTrue(m.contains("b=-1"), m);
    }
}
