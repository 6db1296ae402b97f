package dev.temper.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.GradCheck;
import dev.temper.autograd.Variable;
import dev.temper.tensor.DType;
import dev.temper.tensor.Tensor;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gradient check ({@link GradCheck}, float64) of every loss case of the fixture script under every reduction,
 * with and without sample weights. The fixture's inputs keep clear of kinks (Huber's |d| = delta, hinge's margin,
 * |d| = 0); {@code bce_edge} sits on the clamp at p = 0 and 1, where there is no derivative, and is left out.
 *
 * <p>Extreme-logit cases (+-100) have loss values near 100, so a central difference with step 1e-6 carries
 * about 1e-14 * 100 / 1e-6 = 1e-6 of rounding: they are checked with an absolute tolerance of 1e-5 instead of
 * 1e-7 (the relative tolerance stays 1e-5).
 */
class LossGradientTest {

    static Stream<Arguments> variants() {
        return LossCases.all().stream()
                .filter(c -> !c.name().equals("bce_edge"))
                .flatMap(c -> Stream.of("mean", "sum", "none", "weighted_mean", "weighted_sum").map(v -> Arguments.of(c, v)));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("variants")
    void analyticGradientMatchesFiniteDifferences(LossCase c, String variant) {
        Reduction reduction = variant.endsWith("mean") ? Reduction.MEAN : variant.endsWith("sum") ? Reduction.SUM : Reduction.NONE;
        Tensor output = LossFixtureTest.fixtures().tensor(c.output());
        Tensor targets = LossFixtureTest.fixtures().tensor(c.targets());
        Tensor weights = variant.startsWith("weighted") ? LossFixtureTest.fixtures().tensor("weights_" + output.dim(0)) : null;
        PerSampleLoss loss = c.loss().apply(reduction);
        GradCheck check = c.name().contains("big") ? GradCheck.DEFAULT.withTolerances(1e-5, 1e-5) : GradCheck.DEFAULT;
        GradCheck.Result result = check.check(v -> loss.compute(v.get(0), targets, weights), output);
        assertTrue(result.passed(), c + "/" + variant + ": " + result);
        assertEquals(output.size(), result.checkedElements());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float32GradientAgreesWithFloat64(LossCase c) {
        Tensor output = LossFixtureTest.fixtures().tensor(c.output());
        Tensor targets = LossFixtureTest.fixtures().tensor(c.targets());
        Variable x64 = new Variable(output, true);
        c.loss().apply(Reduction.MEAN).compute(x64, targets).backward();
        Variable x32 = new Variable(output.to(DType.FLOAT32), true);
        c.loss().apply(Reduction.MEAN).compute(x32, targets).backward();
        assertEquals(DType.FLOAT32, x32.grad().dtype());
        double[] g64 = x64.grad().toDoubleArray();
        double[] g32 = x32.grad().toDoubleArray();
        for (int i = 0; i < g64.length; i++) {
            assertEquals(g64[i], g32[i], 1e-6 + 1e-4 * Math.abs(g64[i]), c + ": gradient element " + i);
        }
    }

    static Stream<LossCase> cases() {
        return LossCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extremeCases")
    void gradientAtLogitsOfPlusMinus100IsFinite(LossCase c) {
        Variable x = new Variable(LossFixtureTest.fixtures().tensor(c.output()), true);
        c.loss().apply(Reduction.MEAN).compute(x, LossFixtureTest.fixtures().tensor(c.targets())).backward();
        for (double g : x.grad().toDoubleArray()) {
            assertTrue(Double.isFinite(g), c + ": gradient " + g);
        }
    }

    static Stream<LossCase> extremeCases() {
        return LossCases.all().stream().filter(c -> c.name().contains("big") || c.name().equals("bce_edge"));
    }
}
