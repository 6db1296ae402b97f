package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.Erf;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Initializers: sample statistics against the formulas, bounds, orthogonality, determinism, argument checks.
 *
 * <p>Tolerance of the statistics: over n = 240,000 draws the sample mean has standard error {@code sqrt(var / n)}
 * and the sample variance {@code sqrt((m4 - var^2) / n)} (m4 the fourth central moment, estimated from the same
 * sample). Both are asserted within {@value #STANDARD_ERRORS} standard errors: a correct initializer fails that with
 * probability below 1e-6 for a random seed, and the seeds here are fixed, so the test is deterministic. A wrong
 * formula (a factor 2 in the variance, uniform limits off by sqrt 3) misses by hundreds of standard errors.
 */
class InitializerTest {
    private static final double STANDARD_ERRORS = 5;
    private static final int FAN_IN = 400;
    private static final int FAN_OUT = 600;
    private static final int[] SHAPE = {FAN_IN, FAN_OUT};

    static Stream<Arguments> varianceScaling() {
        double glorot = 2.0 / (FAN_IN + FAN_OUT);
        return Stream.of(
                Arguments.of("glorotUniform", Initializer.glorotUniform(), glorot, true),
                Arguments.of("glorotNormal", Initializer.glorotNormal(), glorot, false),
                Arguments.of("heUniform", Initializer.heUniform(), 2.0 / FAN_IN, true),
                Arguments.of("heNormal", Initializer.heNormal(), 2.0 / FAN_IN, false),
                Arguments.of("lecunUniform", Initializer.lecunUniform(), 1.0 / FAN_IN, true),
                Arguments.of("lecunNormal", Initializer.lecunNormal(), 1.0 / FAN_IN, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("varianceScaling")
    void varianceScalingHasZeroMeanAndTheFormulasVariance(String name, Initializer init, double variance, boolean uniform) {
        Tensor t = init.create(SHAPE, FAN_IN, FAN_OUT, new Rng(11));
        assertMoments(name, t, 0.0, variance);
        if (uniform) {
            double limit = Math.sqrt(3 * variance); // Var(U(-l, l)) = l^2 / 3
            assertWithin(name, t, -limit, limit);
        }
    }

    @Test
    void glorotUniformKeepsItsBitsFromBeforeTheFamilyWasAdded() {
        Tensor expected = new Rng(5).uniform(-(float) Math.sqrt(6.0 / (30 + 20)), (float) Math.sqrt(6.0 / (30 + 20)), 30, 20);
        assertTrue(expected.contentEquals(Initializer.glorotUniform().create(new int[] {30, 20}, 30, 20, new Rng(5))));
        Tensor he = new Rng(6).normal(0f, (float) Math.sqrt(2.0 / 30), 30, 20);
        assertTrue(he.contentEquals(Initializer.heNormal().create(new int[] {30, 20}, 30, 20, new Rng(6))));
    }

    @Test
    void uniformAndNormalMatchTheirParameters() {
        Tensor u = Initializer.uniform(-0.5, 1.5).create(SHAPE, FAN_IN, FAN_OUT, new Rng(12));
        assertMoments("uniform(-0.5, 1.5)", u, 0.5, 4.0 / 12); // (high - low)^2 / 12
        assertWithin("uniform(-0.5, 1.5)", u, -0.5, 1.5);
        Tensor n = Initializer.normal(3.0, 0.25).create(SHAPE, FAN_IN, FAN_OUT, new Rng(13));
        assertMoments("normal(3, 0.25)", n, 3.0, 0.0625);
    }

    @Test
    void truncatedNormalRedrawsBeyondTwoStandardDeviations() {
        double mean = -1.0;
        double std = 0.5;
        Tensor t = Initializer.truncatedNormal(mean, std).create(SHAPE, FAN_IN, FAN_OUT, new Rng(14));
        assertWithin("truncatedNormal", t, mean - 2 * std * (1 + 1e-6), mean + 2 * std * (1 + 1e-6));
        // Variance of a standard normal truncated to [-2, 2]: 1 - 2 * 2 phi(2) / (Phi(2) - Phi(-2)), with
        // Phi(2) - Phi(-2) = erf(2 / sqrt 2) (Johnson, Kotz and Balakrishnan, Continuous Univariate Distributions,
        // vol. 1, 13.10); about 0.7737, i.e. a standard deviation of 0.8796 std.
        double phi2 = Math.exp(-2) / Math.sqrt(2 * Math.PI);
        double truncatedVariance = 1 - 4 * phi2 / Erf.erf(Math.sqrt(2));
        assertEquals(0.7737, truncatedVariance, 1e-4);
        assertMoments("truncatedNormal", t, mean, std * std * truncatedVariance);
    }

    @Test
    void constantFillsEveryElement() {
        Tensor t = Initializer.constant(0.25).create(new int[] {3, 4}, 3, 4, new Rng(1));
        for (int i = 0; i < t.size(); i++) {
            assertEquals(0.25, t.getFlat(i), 0.0);
        }
    }

    @Test
    void orthogonalTallMatrixHasOrthonormalColumnsTimesTheGain() {
        Tensor w = Initializer.orthogonal(2.0).create(new int[] {50, 20}, 50, 20, new Rng(15));
        assertScaledIdentity("tall W^T W", w.transpose().matmul(w), 4.0);
    }

    @Test
    void orthogonalWideMatrixHasOrthonormalRows() {
        Tensor w = Initializer.orthogonal().create(new int[] {20, 50}, 20, 50, new Rng(16));
        assertScaledIdentity("wide W W^T", w.matmul(w.transpose()), 1.0);
    }

    @Test
    void orthogonalSquareMatrixIsOrthogonalBothWays() {
        Tensor w = Initializer.orthogonal(0.5).create(new int[] {64, 64}, 64, 64, new Rng(17));
        assertScaledIdentity("square W^T W", w.transpose().matmul(w), 0.25);
        assertScaledIdentity("square W W^T", w.matmul(w.transpose()), 0.25);
    }

    @Test
    void orthogonalFlattensTrailingDimensionsAsPyTorch() {
        // [4, 3, 5] is treated as [4, 15]: wide, so its 4 rows are orthonormal.
        Tensor w = Initializer.orthogonal().create(new int[] {4, 3, 5}, 15, 4, new Rng(18));
        assertEquals(3, w.rank());
        Tensor flat = w.reshape(4, 15);
        assertScaledIdentity("[4,3,5] as [4,15]", flat.matmul(flat.transpose()), 1.0);
        // [30, 2, 3] is [30, 6]: tall, orthonormal columns.
        Tensor t = Initializer.orthogonal().create(new int[] {30, 2, 3}, 6, 30, new Rng(19)).reshape(30, 6);
        assertScaledIdentity("[30,2,3] as [30,6]", t.transpose().matmul(t), 1.0);
    }

    static Stream<Arguments> all() {
        return Stream.of(
                Arguments.of("glorotUniform", Initializer.glorotUniform()),
                Arguments.of("glorotNormal", Initializer.glorotNormal()),
                Arguments.of("heUniform", Initializer.heUniform()),
                Arguments.of("heNormal", Initializer.heNormal()),
                Arguments.of("lecunUniform", Initializer.lecunUniform()),
                Arguments.of("lecunNormal", Initializer.lecunNormal()),
                Arguments.of("uniform", Initializer.uniform(-1, 1)),
                Arguments.of("normal", Initializer.normal(0, 1)),
                Arguments.of("truncatedNormal", Initializer.truncatedNormal(0, 1)),
                Arguments.of("orthogonal", Initializer.orthogonal()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void sameSeedGivesTheSameBitsAndAnotherSeedDoesNot(String name, Initializer init) {
        int[] shape = {17, 9};
        Tensor a = init.create(shape, 17, 9, new Rng(99));
        Tensor b = init.create(shape, 17, 9, new Rng(99));
        Tensor c = init.create(shape, 17, 9, new Rng(100));
        assertTrue(a.contentEquals(b), name + ": same seed, same bits");
        assertFalse(a.contentEquals(c), name + ": another seed, other values");
    }

    @Test
    void badArgumentsGiveClearMessages() {
        assertMessage(() -> Initializer.uniform(1, 0), "uniform", "low 1.0", "high 0.0");
        assertMessage(() -> Initializer.uniform(0, Double.POSITIVE_INFINITY), "uniform", "Infinity");
        assertMessage(() -> Initializer.normal(0, -1), "normal", "std", "-1.0");
        assertMessage(() -> Initializer.normal(Double.NaN, 1), "normal", "mean", "NaN");
        assertMessage(() -> Initializer.truncatedNormal(0, 0), "truncatedNormal", "std", "0.0");
        assertMessage(() -> Initializer.constant(Double.NaN), "constant", "value", "NaN");
        assertMessage(() -> Initializer.orthogonal(0), "orthogonal", "gain", "0.0");
        assertMessage(() -> Initializer.orthogonal().create(new int[] {5}, 5, 5, new Rng(1)), "orthogonal", "[5]");
        assertMessage(() -> Initializer.heNormal().create(new int[] {0, 3}, 0, 3, new Rng(1)), "heNormal", "fanIn 0");
        assertMessage(() -> Initializer.glorotUniform().create(new int[] {3, 0}, 3, 0, new Rng(1)), "glorotUniform", "fanOut 0");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static void assertMoments(String name, Tensor t, double expectedMean, double expectedVariance) {
        int n = t.size();
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += t.getFlat(i);
        }
        mean /= n;
        double m2 = 0;
        double m4 = 0;
        for (int i = 0; i < n; i++) {
            double d = t.getFlat(i) - mean;
            m2 += d * d;
            m4 += d * d * d * d;
        }
        m2 /= n;
        m4 /= n;
        double meanError = Math.sqrt(expectedVariance / n);
        double varianceError = Math.sqrt((m4 - m2 * m2) / n);
        assertEquals(expectedMean, mean, STANDARD_ERRORS * meanError, name + ": mean");
        assertEquals(expectedVariance, m2, STANDARD_ERRORS * varianceError, name + ": variance");
    }

    private static void assertWithin(String name, Tensor t, double low, double high) {
        for (int i = 0; i < t.size(); i++) {
            double v = t.getFlat(i);
            assertTrue(v >= low && v <= high, name + ": element " + i + " = " + v + " outside [" + low + ", " + high + "]");
        }
    }

    /** Float32 products of unit vectors: off-diagonal and diagonal errors of a few float ulps times the length. */
    private static void assertScaledIdentity(String name, Tensor product, double scale) {
        int n = product.dim(0);
        assertEquals(n, product.dim(1));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double expected = i == j ? scale : 0.0;
                assertEquals(expected, product.get(i, j), 1e-5 * scale, name + " at (" + i + ", " + j + ")");
            }
        }
    }

    private static void assertMessage(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should mention " + part);
        }
    }
}
