package dev.temper.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.nn.Flatten;
import dev.temper.nn.ForwardContext;
import dev.temper.nn.GlobalAveragePooling;
import dev.temper.nn.Reshape;
import dev.temper.tensor.Conv2dGeometry;
import dev.temper.tensor.DType;
import dev.temper.tensor.Padding;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Convolution, pooling and reshaping ops against central finite differences ({@link GradCheck#DEFAULT}, float64). */
class ConvGradientTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void analyticGradientMatchesFiniteDifferences(String name, Function<List<Variable>, Variable> f, Tensor[] inputs) {
        GradCheck.Result result = GradCheck.DEFAULT.check(f, inputs);
        assertTrue(result.passed(), name + ": " + result);
        int elements = 0;
        for (Tensor t : inputs) {
            elements += t.size();
        }
        assertEquals(elements, result.checkedElements(), name + ": every input element is checked");
    }

    static Stream<Arguments> cases() {
        Rng rng = new Rng(20261123L);
        ForwardContext eval = ForwardContext.inference();
        return Stream.of(
                conv("conv2d stride 2, same padding, bias", rng, new int[] {2, 2, 5, 6}, new int[] {3, 2, 3, 3}, true,
                        2, 2, 1, 1, Padding.same()),
                conv("conv2d dilation 2, same padding, bias", rng, new int[] {2, 2, 7, 6}, new int[] {3, 2, 3, 3}, true,
                        1, 1, 2, 2, Padding.same()),
                conv("conv2d valid padding, bias", rng, new int[] {2, 3, 5, 5}, new int[] {2, 3, 3, 2}, true,
                        1, 1, 1, 1, Padding.valid()),
                conv("conv2d valid padding, no bias", rng, new int[] {2, 3, 5, 5}, new int[] {2, 3, 3, 2}, false,
                        1, 1, 1, 1, Padding.valid()),
                conv("conv2d explicit asymmetric padding, stride 2x1, dilation 1x2, no bias", rng, new int[] {1, 2, 6, 7},
                        new int[] {3, 2, 2, 3}, false, 2, 1, 1, 2, Padding.of(1, 0, 2, 1)),
                conv("conv2d shallow patch (2 taps < 4 channels: transposed GEMMs), same padding, bias", rng,
                        new int[] {2, 1, 5, 4}, new int[] {4, 1, 2, 1}, true, 1, 1, 1, 1, Padding.same()),
                convRelu("conv2d with fused ReLU, same padding, bias", rng, new int[] {2, 2, 5, 6}, new int[] {3, 2, 3, 3}, true,
                        Padding.same()),
                convRelu("conv2d with fused ReLU, valid padding, no bias", rng, new int[] {2, 3, 5, 5}, new int[] {4, 3, 2, 2}, false,
                        Padding.valid()),
                convReluPool("conv2d with fused ReLU and 2x2 max pool, bias", rng, new int[] {2, 1, 7, 7}, new int[] {3, 1, 3, 3},
                        2, 2),
                convReluPool("conv2d with fused ReLU and overlapping 3x3 stride-2 max pool", rng, new int[] {2, 2, 8, 8},
                        new int[] {2, 2, 2, 2}, 3, 2),
                pool("max pool 2x2 stride 2", true, distinct(rng, 2, 2, 6, 6), 2, 2, 2, 2),
                pool("max pool 3x3 stride 2 (overlapping)", true, distinct(rng, 2, 2, 7, 7), 3, 3, 2, 2),
                pool("max pool 2x3 stride 1x2", true, distinct(rng, 1, 2, 5, 7), 2, 3, 1, 2),
                pool("average pool 2x2 stride 2", false, normal(rng, 2, 2, 6, 6), 2, 2, 2, 2),
                pool("average pool 3x3 stride 2 (overlapping)", false, normal(rng, 2, 2, 7, 7), 3, 3, 2, 2),
                Arguments.of("global average pooling", (Function<List<Variable>, Variable>)
                        v -> new GlobalAveragePooling().forward(v.get(0), eval), new Tensor[] {normal(rng, 2, 3, 4, 5)}),
                Arguments.of("flatten", (Function<List<Variable>, Variable>)
                        v -> new Flatten().forward(v.get(0), eval), new Tensor[] {normal(rng, 2, 3, 2, 2)}),
                Arguments.of("reshape [2, 12] to [2, 3, 2, 2]", (Function<List<Variable>, Variable>)
                        v -> new Reshape(3, 2, 2).forward(v.get(0), eval), new Tensor[] {normal(rng, 2, 12)}));
    }

    private static Arguments conv(String name, Rng rng, int[] xShape, int[] kShape, boolean bias,
                                  int sh, int sw, int dh, int dw, Padding padding) {
        Conv2dGeometry g = Conv2dGeometry.of("test", xShape[1], xShape[2], xShape[3], kShape[2], kShape[3], sh, sw, dh, dw, padding);
        Function<List<Variable>, Variable> f = v -> Convolution2d.apply(v.get(0), v.get(1), bias ? v.get(2) : null, g);
        Tensor[] inputs = bias ? new Tensor[] {normal(rng, xShape), normal(rng, kShape), normal(rng, kShape[0])}
                : new Tensor[] {normal(rng, xShape), normal(rng, kShape)};
        return Arguments.of(name, f, inputs);
    }

    private static Arguments convRelu(String name, Rng rng, int[] xShape, int[] kShape, boolean bias, Padding padding) {
        Conv2dGeometry g = Conv2dGeometry.of("test", xShape[1], xShape[2], xShape[3], kShape[2], kShape[3], 1, 1, 1, 1, padding);
        Function<List<Variable>, Variable> f = v -> Convolution2d.apply(v.get(0), v.get(1), bias ? v.get(2) : null, g, true);
        Tensor[] inputs = bias ? new Tensor[] {normal(rng, xShape), normal(rng, kShape), normal(rng, kShape[0])}
                : new Tensor[] {normal(rng, xShape), normal(rng, kShape)};
        return Arguments.of(name, f, inputs);
    }

    private static Arguments convReluPool(String name, Rng rng, int[] xShape, int[] kShape, int poolSize, int poolStride) {
        Conv2dGeometry g = Conv2dGeometry.of("test", xShape[1], xShape[2], xShape[3], kShape[2], kShape[3], 1, 1, 1, 1, Padding.valid());
        Conv2dGeometry pool = Conv2dGeometry.of("pool", kShape[0], g.outHeight(), g.outWidth(), poolSize, poolSize,
                poolStride, poolStride, 1, 1, Padding.valid());
        Function<List<Variable>, Variable> f = v -> Convolution2d.applyWithReluAndPool(v.get(0), v.get(1), v.get(2), g, pool);
        return Arguments.of(name, f, new Tensor[] {normal(rng, xShape), normal(rng, kShape), normal(rng, kShape[0])});
    }

    private static Arguments pool(String name, boolean max, Tensor x, int kh, int kw, int sh, int sw) {
        Conv2dGeometry g = Conv2dGeometry.of("test", x.dim(1), x.dim(2), x.dim(3), kh, kw, sh, sw, 1, 1, Padding.valid());
        Function<List<Variable>, Variable> f = max ? v -> MaxPooling2d.apply(v.get(0), g) : v -> AveragePooling2d.apply(v.get(0), g);
        return Arguments.of(name, f, new Tensor[] {x});
    }

    private static Tensor normal(Rng rng, int... shape) {
        return rng.normal(0f, 1f, shape).to(DType.FLOAT64);
    }

    /** Distinct values at least 0.1 apart (a shuffled ramp), so no window has a tie that a finite step could flip. */
    static Tensor distinct(Rng rng, int... shape) {
        Tensor t = Tensor.zeros(DType.FLOAT64, shape);
        int[] order = rng.permutation(t.size());
        for (int i = 0; i < order.length; i++) {
            t.setFlat(i, 0.1 * (order[i] - order.length / 2.0));
        }
        return t;
    }
}
