package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Shapes, parameters, defaults and input checks shared by {@link SimpleRnn}, {@link Lstm} and {@link Gru}. */
class RecurrentLayerTest {
    private static final int FEATURES = 3;
    private static final int UNITS = 5;

    /** name, gate count, factory (returnSequences, rng) -> layer. */
    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of("SimpleRnn", 1, (BiFunction<Boolean, Rng, Layer>) (seq, rng) -> new SimpleRnn(FEATURES, UNITS, seq, rng)),
                Arguments.of("Lstm", 4, (BiFunction<Boolean, Rng, Layer>) (seq, rng) -> new Lstm(FEATURES, UNITS, seq, rng)),
                Arguments.of("Gru", 3, (BiFunction<Boolean, Rng, Layer>) (seq, rng) -> new Gru(FEATURES, UNITS, seq, rng)));
    }

    private static Variable input(int batch, int time) {
        return Variable.constant(new Rng(9L).normal(0f, 1f, batch, time, FEATURES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void returnsTheSequenceOrTheLastStep(String name, int gates, BiFunction<Boolean, Rng, Layer> factory) {
        Layer sequence = factory.apply(true, new Rng(1L));
        Layer last = factory.apply(false, new Rng(1L));
        Variable x = input(2, 6);
        Tensor all = sequence.forward(x, ForwardContext.inference()).value();
        Tensor end = last.forward(x, ForwardContext.inference()).value();
        assertEquals(Shape.of(2, 6, UNITS), all.shape());
        assertEquals(Shape.of(2, UNITS), end.shape());
        assertArrayEquals(all.narrow(1, 5, 1).contiguous().toDoubleArray(), end.toDoubleArray(), 0.0,
                name + ": the last step of the sequence is the last-step output");
        assertEquals(Shape.of(6, UNITS), sequence.outputShape(Shape.of(6, FEATURES)));
        assertEquals(Shape.of(UNITS), last.outputShape(Shape.of(6, FEATURES)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void hasDocumentedWeightLayout(String name, int gates, BiFunction<Boolean, Rng, Layer> factory) {
        List<Parameter> params = factory.apply(true, new Rng(1L)).parameters();
        assertEquals("kernel", params.get(0).name());
        assertEquals(Shape.of(FEATURES, gates * UNITS), params.get(0).shape());
        assertEquals("recurrentKernel", params.get(1).name());
        assertEquals(Shape.of(UNITS, gates * UNITS), params.get(1).shape());
        for (Parameter p : params.subList(2, params.size())) {
            assertEquals(Shape.of(gates * UNITS), p.shape(), name + " " + p.name());
        }
        assertEquals(name.equals("Gru") ? 4 : 3, params.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void recurrentKernelStartsWithOrthonormalRows(String name, int gates, BiFunction<Boolean, Rng, Layer> factory) {
        Tensor w = factory.apply(true, new Rng(3L)).parameters().get(1).value();
        Tensor gram = w.matmul(w.transpose()); // [units, units]; rows orthonormal since units <= gates * units
        for (int i = 0; i < UNITS; i++) {
            for (int j = 0; j < UNITS; j++) {
                assertEquals(i == j ? 1.0 : 0.0, gram.get(i, j), 1e-5, name + " W W^T at " + i + "," + j);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void sameSeedGivesSameBits(String name, int gates, BiFunction<Boolean, Rng, Layer> factory) {
        Variable x = input(2, 3);
        Tensor a = factory.apply(true, new Rng(4L)).forward(x, ForwardContext.inference()).value();
        Tensor b = factory.apply(true, new Rng(4L)).forward(x, ForwardContext.inference()).value();
        assertTrue(a.contentEquals(b), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void rejectsInputsOfTheWrongShapeNamingTheLayer(String name, int gates, BiFunction<Boolean, Rng, Layer> factory) {
        Layer layer = factory.apply(false, new Rng(1L));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.forward(Variable.constant(Tensor.zeros(2, 4, FEATURES + 1)), ForwardContext.inference()));
        assertTrue(e.getMessage().startsWith(name) && e.getMessage().contains("[2, 4, 4]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> layer.forward(Variable.constant(Tensor.zeros(2, FEATURES)), ForwardContext.inference()));
        assertThrows(IllegalArgumentException.class, () -> layer.outputShape(Shape.of(FEATURES)));
    }

    @Test
    void lstmForgetBiasStartsAtOne() {
        Tensor bias = new Lstm(FEATURES, UNITS, false, new Rng(1L)).bias().value();
        for (int k = 0; k < 4 * UNITS; k++) {
            assertEquals(k >= UNITS && k < 2 * UNITS ? 1.0 : 0.0, bias.getFlat(k), 0.0, "bias element " + k);
        }
    }

    @Test
    void sizesMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Lstm(3, 0, false, new Rng(1L)));
        assertTrue(e.getMessage().contains("units must be >= 1, got 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Gru(0, 2, false, new Rng(1L)));
        assertThrows(IllegalArgumentException.class, () -> new SimpleRnn(3, -1, false, new Rng(1L)));
    }

    @Test
    void recurrentKernelInitializerHasOrthonormalColumnsWhenTall() {
        Tensor q = Sequences.orthogonal().create(new int[] {7, 3}, 7, 3, new Rng(5L));
        Tensor gram = q.transpose().matmul(q);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(i == j ? 1.0 : 0.0, gram.get(i, j), 1e-5);
            }
        }
    }
}
