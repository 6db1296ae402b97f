package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The convolution with a fused ReLU gives the same bits as the convolution followed by {@link Tensor#relu} and the
 * ReLU's gradient mask, on every path: shifted GEMMs (float32), image by image and by groups (float32 and float64).
 * About half of the outputs are at or below 0, so the mask matters.
 */
class FusedReluConvolutionTest {

    private interface Forward {
        Tensor run(Tensor x, Tensor k, Tensor b, boolean relu);
    }

    private interface Backward {
        Convolution.Gradients run(Tensor x, Tensor k, Tensor gy, Tensor reluOutput);
    }

    private static void check(String what, DType type, Conv2dGeometry g, int batch, int outChannels, Forward forward, Backward backward) {
        Rng rng = new Rng(41);
        Tensor x = rng.normal(0f, 1f, batch, g.channels(), g.height(), g.width()).to(type);
        Tensor k = rng.normal(0f, 1f, outChannels, g.channels(), g.kernelHeight(), g.kernelWidth()).to(type);
        Tensor b = rng.normal(0f, 1f, outChannels).to(type);
        Tensor gy = rng.normal(0f, 1f, batch, outChannels, g.outHeight(), g.outWidth()).to(type);
        Tensor fused = forward.run(x, k, b, true);
        Tensor plain = forward.run(x, k, b, false).relu();
        assertTrue(plain.contentEquals(fused), what + ": output");
        double zeros = 0;
        for (int i = 0; i < fused.size(); i++) {
            zeros += fused.getFlat(i) == 0 ? 1 : 0;
        }
        assertTrue(zeros > 0.3 * fused.size() && zeros < 0.7 * fused.size(), what + ": " + zeros + " zeros of " + fused.size());
        Convolution.Gradients masked = backward.run(x, k, gy, fused);
        Convolution.Gradients reference = backward.run(x, k, gy.keepWherePositive(plain), null);
        assertTrue(reference.input().contentEquals(masked.input()), what + ": input gradient");
        assertTrue(reference.kernel().contentEquals(masked.kernel()), what + ": kernel gradient");
        assertTrue(reference.bias().contentEquals(masked.bias()), what + ": bias gradient");
    }

    @Test
    void shiftedGemms() {
        Conv2dGeometry g = Conv2dGeometry.of("shifted", 16, 8, 9, 3, 3, 1, 1, 1, 1, Padding.same());
        check("shifted", DType.FLOAT32, g, 8, 16, (x, k, b, relu) -> ShiftedConvolution.forward(x, k, b, g, relu),
                (x, k, gy, y) -> ShiftedConvolution.backward(x, k, gy, y, g, true, true, true));
    }

    @Test
    void imageByImageAndByGroups() {
        Conv2dGeometry g = Conv2dGeometry.of("grouped", 2, 7, 6, 3, 3, 2, 1, 1, 1, Padding.same());
        for (DType type : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (boolean perImage : new boolean[] {true, false}) {
                check((perImage ? "image by image, " : "by groups, ") + type, type, g, 9, 5,
                        (x, k, b, relu) -> GroupedConvolution.forward(x, k, b, g, 4, perImage, relu),
                        (x, k, gy, y) -> GroupedConvolution.backward(x, k, gy, y, g, true, true, true, 4, perImage));
            }
        }
    }
}
