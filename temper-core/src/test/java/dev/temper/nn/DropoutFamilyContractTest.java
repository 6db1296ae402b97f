package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.GradCheck;
import dev.temper.autograd.Variable;
import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every member of the dropout family promises, checked once for all of them. */
class DropoutFamilyContractTest {

    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of(named(new Dropout(0.3)), new int[] {4, 6}),
                Arguments.of(named(new GaussianDropout(0.3)), new int[] {4, 6}),
                Arguments.of(named(new GaussianNoise(0.5)), new int[] {4, 6}),
                Arguments.of(named(new AlphaDropout(0.3)), new int[] {4, 6}),
                Arguments.of(named(new SpatialDropout(0.5)), new int[] {2, 4, 3, 3}),
                Arguments.of(named(new SpatialDropout1D(0.5)), new int[] {2, 3, 4}),
                Arguments.of(named(new DropBlock(2, 0.3)), new int[] {2, 2, 5, 5}));
    }

    private static Named<Layer> named(Layer layer) {
        return Named.of(layer.kind(), layer);
    }

    private static Tensor input(DType dtype, int[] shape) {
        return new Rng(11).normal(0f, 1f, shape).to(dtype);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void inferenceIsTheIdentity(Layer layer, int[] shape) {
        Variable x = Variable.constant(input(DType.FLOAT32, shape));
        assertSame(x, layer.forward(x, ForwardContext.inference()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void sameSeedGivesTheSameOutputAndAnotherSeedAnother(Layer layer, int[] shape) {
        Variable x = Variable.constant(input(DType.FLOAT32, shape));
        Tensor a = layer.forward(x, ForwardContext.training(new Rng(5))).value();
        Tensor b = layer.forward(x, ForwardContext.training(new Rng(5))).value();
        Tensor c = layer.forward(x, ForwardContext.training(new Rng(6))).value();
        assertTrue(a.contentEquals(b));
        assertFalse(a.contentEquals(c));
        assertFalse(a.contentEquals(x.value()), "training changes the input");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void float32AndFloat64DrawTheSameMasks(Layer layer, int[] shape) {
        Tensor single = layer.forward(Variable.constant(input(DType.FLOAT32, shape)), ForwardContext.training(new Rng(5))).value();
        Tensor dual = layer.forward(Variable.constant(input(DType.FLOAT64, shape)), ForwardContext.training(new Rng(5))).value();
        assertEquals(DType.FLOAT32, single.dtype());
        assertEquals(DType.FLOAT64, dual.dtype());
        for (int i = 0; i < single.size(); i++) {
            assertEquals(dual.getFlat(i), single.getFlat(i), 1e-5 * (1 + Math.abs(dual.getFlat(i))), "element " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void samplesInMonteCarloModeAsInTraining(Layer layer, int[] shape) {
        Variable x = Variable.constant(input(DType.FLOAT32, shape));
        Tensor train = layer.forward(x, ForwardContext.training(new Rng(5))).value();
        Tensor monteCarlo = layer.forward(x, ForwardContext.monteCarlo(new Rng(5))).value();
        assertTrue(train.contentEquals(monteCarlo));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void gradientMatchesFiniteDifferencesWithTheMaskFixed(Layer layer, int[] shape) {
        GradCheck.Result result = FixedNoise.check(layer, 77, input(DType.FLOAT64, shape));
        assertTrue(result.passed(), layer.kind() + ": " + result);
        assertEquals(input(DType.FLOAT64, shape).size(), result.checkedElements());
    }

    @Test
    void aGeneratorSharedAcrossEvaluationsWouldFailTheCheck() {
        // without FixedNoise's re-seeding every evaluation draws a new mask: the check must notice
        Rng shared = new Rng(77);
        Layer layer = new Dropout(0.5);
        GradCheck.Result result = GradCheck.DEFAULT.check(v -> layer.forward(v.get(0), ForwardContext.training(shared)),
                input(DType.FLOAT64, new int[] {4, 6}));
        assertFalse(result.passed(), result.toString());
    }
}
