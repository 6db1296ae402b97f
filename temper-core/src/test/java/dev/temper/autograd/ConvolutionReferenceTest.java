package dev.temper.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.nn.AvgPool2d;
import dev.temper.nn.Conv2d;
import dev.temper.nn.ForwardContext;
import dev.temper.nn.Initializer;
import dev.temper.nn.Layer;
import dev.temper.nn.MaxPool2d;
import dev.temper.tensor.Conv2dGeometry;
import dev.temper.tensor.DType;
import dev.temper.tensor.Padding;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Convolution and pooling against numpy reference values ({@code src/test/fixtures/conv.py}), and the im2col path
 * against the naive convolution in {@link NaiveConvolution}.
 */
class ConvolutionReferenceTest {

    @Test
    void convolutionMatchesNumpyReferenceInFloat64() {
        List<ConvFixtures.Case> cases = ConvFixtures.load("conv_");
        assertEquals(7, cases.size(), "conv cases in the fixture");
        for (ConvFixtures.Case c : cases) {
            Tensor x = c.tensor("x");
            Tensor k = c.tensor("kernel");
            Tensor b = c.tensor("bias");
            Conv2dGeometry g = geometry(c, x, k);
            Tensor y = Convolution2d.apply(Variable.constant(x), Variable.constant(k), b == null ? null : Variable.constant(b), g).value();
            assertClose(c.tensor("y"), y, 1e-5, c + " (float64)");
        }
    }

    @Test
    void conv2dLayerMatchesNumpyReferenceInFloat32() {
        for (ConvFixtures.Case c : ConvFixtures.load("conv_")) {
            Tensor x = c.tensor("x");
            Tensor k = c.tensor("kernel");
            Tensor b = c.tensor("bias");
            Conv2d layer = new Conv2d(k.dim(1), k.dim(0), new int[] {k.dim(2), k.dim(3)}, c.pair("stride"), c.padding(),
                    c.pair("dilation"), Initializer.glorotUniform(), b == null ? null : Initializer.zeros(), new Rng(1));
            layer.kernel().value().copyFromInPlace(k);
            if (b != null) {
                layer.bias().value().copyFromInPlace(b);
            }
            Tensor y = layer.forward(Variable.constant(x.to(DType.FLOAT32)), ForwardContext.inference()).value();
            assertEquals(DType.FLOAT32, y.dtype());
            // float32 sums of up to 75 products of unit normals: allow float32 rounding
            assertClose(c.tensor("y"), y.to(DType.FLOAT64), 1e-4, c + " (float32 layer)");
        }
    }

    @Test
    void poolingMatchesNumpyReferenceInBothTypes() {
        List<ConvFixtures.Case> max = ConvFixtures.load("maxpool_");
        List<ConvFixtures.Case> avg = ConvFixtures.load("avgpool_");
        assertEquals(3, max.size());
        assertEquals(3, avg.size());
        for (ConvFixtures.Case c : max) {
            Layer layer = new MaxPool2d(c.pair("kernel"), c.pair("stride"));
            for (DType type : DType.values()) {
                Tensor y = layer.forward(Variable.constant(c.tensor("x").to(type)), ForwardContext.inference()).value();
                assertClose(c.tensor("y"), y.to(DType.FLOAT64), type == DType.FLOAT64 ? 1e-12 : 1e-6, c + " " + type);
            }
        }
        for (ConvFixtures.Case c : avg) {
            Layer layer = new AvgPool2d(c.pair("kernel"), c.pair("stride"));
            for (DType type : DType.values()) {
                Tensor y = layer.forward(Variable.constant(c.tensor("x").to(type)), ForwardContext.inference()).value();
                assertClose(c.tensor("y"), y.to(DType.FLOAT64), type == DType.FLOAT64 ? 1e-12 : 1e-5, c + " " + type);
            }
        }
    }

    @Test
    void im2colConvolutionMatchesNaiveLoopsOnRandomConfigurations() {
        Rng rng = new Rng(77);
        Padding[] paddings = {Padding.valid(), Padding.same(), Padding.of(2, 0, 1, 3)};
        for (int trial = 0; trial < 40; trial++) {
            int c = 1 + rng.nextInt(3);
            int h = 3 + rng.nextInt(8);
            int w = 3 + rng.nextInt(8);
            int kh = 1 + rng.nextInt(3);
            int kw = 1 + rng.nextInt(3);
            int sh = 1 + rng.nextInt(3);
            int sw = 1 + rng.nextInt(3);
            int dh = 1 + rng.nextInt(2);
            int dw = 1 + rng.nextInt(2);
            Padding p = paddings[rng.nextInt(paddings.length)];
            if (p.kind() == Padding.Kind.VALID && (h <= dh * (kh - 1) || w <= dw * (kw - 1))) {
                continue; // the kernel does not fit: no output
            }
            Conv2dGeometry g = Conv2dGeometry.of("trial " + trial, c, h, w, kh, kw, sh, sw, dh, dw, p);
            Tensor x = rng.normal(0f, 1f, 2, c, h, w).to(DType.FLOAT64);
            int outChannels = trial % 2 == 0 ? 3 : 30; // 30 > every patch here: the transposed-GEMM path
            Tensor k = rng.normal(0f, 1f, outChannels, c, kh, kw).to(DType.FLOAT64);
            Tensor b = rng.normal(0f, 1f, outChannels).to(DType.FLOAT64);
            Tensor expected = NaiveConvolution.conv2d(x, k, b, g);
            Tensor fast = Convolution2d.apply(Variable.constant(x), Variable.constant(k), Variable.constant(b), g).value();
            assertClose(expected, fast, 1e-12, "trial " + trial + " " + g);
            Tensor fast32 = Convolution2d.apply(Variable.constant(x.to(DType.FLOAT32)), Variable.constant(k.to(DType.FLOAT32)),
                    Variable.constant(b.to(DType.FLOAT32)), g).value();
            assertClose(expected, fast32.to(DType.FLOAT64), 1e-4, "trial " + trial + " float32 " + g);
        }
    }

    @Test
    void maxPoolingRoutesTiesToTheFirstMaximum() {
        Tensor x = Tensor.of(new float[] {1, 3, 3, 0}, 1, 1, 2, 2);
        Variable v = new Variable(x, true);
        Variable y = new MaxPool2d(2).forward(v, ForwardContext.inference());
        y.backward(Tensor.ones(1, 1, 1, 1));
        assertArrayEquals(new float[] {0, 1, 0, 0}, v.grad().toFloatArray());
    }

    @Test
    void maxPoolingPropagatesNaNAsPyTorchDoes() {
        Tensor x = Tensor.of(new float[] {1, Float.NaN, 3, 2}, 1, 1, 2, 2);
        Tensor y = new MaxPool2d(2).forward(Variable.constant(x), ForwardContext.inference()).value();
        assertTrue(Float.isNaN(y.toFloatArray()[0]), "max of a window holding NaN is NaN, got " + y);
    }

    private static Conv2dGeometry geometry(ConvFixtures.Case c, Tensor x, Tensor k) {
        int[] s = c.pair("stride");
        int[] d = c.pair("dilation");
        return Conv2dGeometry.of(c.name(), x.dim(1), x.dim(2), x.dim(3), k.dim(2), k.dim(3), s[0], s[1], d[0], d[1], c.padding());
    }

    /** |actual - expected| <= tolerance * max(1, |expected|) everywhere, and the same shape. */
    static void assertClose(Tensor expected, Tensor actual, double tolerance, String what) {
        assertEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            assertTrue(Math.abs(e[i] - a[i]) <= tolerance * Math.max(1, Math.abs(e[i])),
                    what + ": element " + i + " expected " + e[i] + ", got " + a[i]);
        }
    }
}
