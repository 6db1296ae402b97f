package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Elu;
import dev.temper.autograd.Gelu;
import dev.temper.autograd.GradCheck;
import dev.temper.autograd.LeakyRelu;
import dev.temper.autograd.Selu;
import dev.temper.autograd.Silu;
import dev.temper.autograd.Variable;
import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The activation layers: kind names, shapes, defaults, that each applies its op, gradient checks, bad arguments. */
class ActivationLayersTest {

    static Stream<Arguments> layers() {
        return Stream.of(
                layer(new LeakyReLU(), "leaky_relu", x -> LeakyRelu.apply(x, 0.01)),
                layer(new LeakyReLU(0.3), "leaky_relu", x -> LeakyRelu.apply(x, 0.3)),
                layer(new ELU(), "elu", x -> Elu.apply(x, 1.0)),
                layer(new ELU(0.5), "elu", x -> Elu.apply(x, 0.5)),
                layer(new SELU(), "selu", Selu::apply),
                layer(new GELU(), "gelu", x -> Gelu.apply(x, false)),
                layer(GELU.tanhApproximation(), "gelu", x -> Gelu.apply(x, true)),
                layer(new Softplus(), "softplus", x -> dev.temper.autograd.Softplus.apply(x, 1, 20)),
                layer(new Softplus(2, 10), "softplus", x -> dev.temper.autograd.Softplus.apply(x, 2, 10)),
                layer(new SiLU(), "silu", Silu::apply));
    }

    private static Arguments layer(Layer layer, String kind, UnaryOperator<Variable> op) {
        return Arguments.of(layer, kind, op);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("layers")
    void hasItsKindNoParametersAndKeepsTheShape(Layer layer, String kind, UnaryOperator<Variable> op) {
        assertEquals(kind, layer.kind());
        assertTrue(layer.parameters().isEmpty());
        assertEquals(Shape.of(3, 7), layer.outputShape(Shape.of(3, 7)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("layers")
    void forwardAppliesItsOpInBothModes(Layer layer, String kind, UnaryOperator<Variable> op) {
        Tensor x = new Rng(1).normal(0f, 3f, 4, 6);
        Tensor expected = op.apply(Variable.constant(x)).value();
        assertTrue(expected.contentEquals(layer.forward(Variable.constant(x), ForwardContext.inference()).value()), kind + " EVAL");
        assertTrue(expected.contentEquals(layer.forward(Variable.constant(x), ForwardContext.training(new Rng(2))).value()), kind + " TRAIN");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("layers")
    void gradientThroughTheLayerMatchesFiniteDifferences(Layer layer, String kind, UnaryOperator<Variable> op) {
        Tensor x = new Rng(3).normal(0f, 2f, 3, 5).to(DType.FLOAT64);
        for (int i = 0; i < x.size(); i++) { // away from the kink at 0 of leaky ReLU, ELU (alpha != 1) and SELU
            double v = x.getFlat(i);
            x.setFlat(i, v + (v < 0 ? -0.1 : 0.1));
        }
        GradCheck.Result result = GradCheck.DEFAULT.check(v -> layer.forward(v.get(0), ForwardContext.inference()), x);
        assertTrue(result.passed(), kind + ": " + result);
    }

    @Test
    void defaultsFollowPyTorch() {
        assertEquals(0.01, new LeakyReLU().negativeSlope());
        assertEquals(1.0, new ELU().alpha());
        assertEquals(1.0, new Softplus().beta());
        assertEquals(20.0, new Softplus().threshold());
        assertFalse(new GELU().usesTanhApproximation());
        assertTrue(GELU.tanhApproximation().usesTanhApproximation());
    }

    @Test
    void sequentialNamesTheLayersByKind() {
        Rng rng = new Rng(4);
        Sequential model = new Sequential(new Dense(3, 4, rng), new LeakyReLU(), new Dense(4, 4, rng), new GELU(),
                new Dense(4, 2, rng), new SiLU(), new LeakyReLU(0.2));
        assertEquals(List.of("dense_1", "leaky_relu_1", "dense_2", "gelu_1", "dense_3", "silu_1", "leaky_relu_2"), model.layerNames());
        assertEquals(Shape.of(2), model.outputShape(Shape.of(3)));
    }

    @Test
    void badArgumentsNameTheLayerTheArgumentAndTheValue() {
        assertMessage(() -> new LeakyReLU(Double.NaN), "LeakyReLU", "negativeSlope", "NaN");
        assertMessage(() -> new LeakyReLU(Double.POSITIVE_INFINITY), "LeakyReLU", "negativeSlope", "Infinity");
        assertMessage(() -> new ELU(0), "ELU", "alpha", "0.0");
        assertMessage(() -> new ELU(-1), "ELU", "alpha", "-1.0");
        assertMessage(() -> new Softplus(0, 20), "Softplus", "beta", "0.0");
        assertMessage(() -> new Softplus(1, -5), "Softplus", "threshold", "-5.0");
        assertMessage(() -> new Softplus(Double.NaN, 20), "Softplus", "beta", "NaN");
    }

    private static void assertMessage(Executable constructor, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, constructor);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should mention " + part);
        }
    }
}
