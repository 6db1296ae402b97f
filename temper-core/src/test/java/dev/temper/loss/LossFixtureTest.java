package dev.temper.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.fixtures.TensorFixtures;
import dev.temper.autograd.Variable;
import dev.temper.tensor.DType;
import dev.temper.tensor.Tensor;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every loss and variant (reduction, sample weights, label smoothing, class weights, extreme inputs) against the
 * values of {@code src/test/fixtures/losses.py} (numpy, float64), to 1e-5 relative. A 1e-12 absolute floor
 * covers terms that are zero up to rounding (a focal term of e^-200).
 */
class LossFixtureTest {
    private static final TensorFixtures FIXTURES = TensorFixtures.load("losses.txt");
    private static final String[] VARIANTS = {"mean", "sum", "none", "weighted_mean", "weighted_sum"};

    static Stream<Arguments> variants() {
        return LossCases.all().stream().flatMap(c -> Stream.of(VARIANTS).map(v -> Arguments.of(c, v)));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("variants")
    void float64ValueMatchesTheNumpyReference(LossCase c, String variant) {
        double[] actual = compute(c, variant, DType.FLOAT64).value().toDoubleArray();
        assertClose(FIXTURES.expected(c.name() + "/" + variant), actual, 1e-5, c.name() + "/" + variant);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("variants")
    void float32ValueMatchesTheNumpyReferenceToFloatPrecision(LossCase c, String variant) {
        Variable loss = compute(c, variant, DType.FLOAT32);
        assertEquals(DType.FLOAT32, loss.value().dtype(), "a float32 output gives a float32 loss");
        assertClose(FIXTURES.expected(c.name() + "/" + variant), loss.value().toDoubleArray(), 1e-4, c.name() + "/" + variant + " in float32");
    }

    @Test
    void everyFixtureValueIsCheckedByACase() {
        assertEquals(FIXTURES.expectedCount(), LossCases.all().size() * VARIANTS.length);
    }

    @Test
    void classWeightsOfTheCasesAreTheFixturesOnes() {
        assertArrayEquals(FIXTURES.tensor("class_w").toDoubleArray(), LossCases.CLASS_W);
        assertArrayEquals(FIXTURES.tensor("class_w3").toDoubleArray(), LossCases.CLASS_W3);
    }

    static Variable compute(LossCase c, String variant, DType dtype) {
        Reduction reduction = variant.endsWith("mean") ? Reduction.MEAN : variant.endsWith("sum") ? Reduction.SUM : Reduction.NONE;
        Tensor output = FIXTURES.tensor(c.output()).to(dtype);
        Tensor targets = FIXTURES.tensor(c.targets());
        Tensor weights = variant.startsWith("weighted") ? FIXTURES.tensor("weights_" + output.dim(0)) : null;
        return c.loss().apply(reduction).compute(new Variable(output, true), targets, weights);
    }

    static TensorFixtures fixtures() {
        return FIXTURES;
    }

    private static void assertClose(double[] expected, double[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what + ": number of values");
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Double.isFinite(actual[i]), what + ": value " + i + " is " + actual[i]);
            assertEquals(expected[i], actual[i], 1e-12 + relative * Math.abs(expected[i]), what + ": value " + i);
        }
    }
}
