package dev.temper.tensor;

/**
 * 2-D max pooling kernels over {@code [batch, C, H, W]} without padding: each output is the largest value in its
 * window, and the backward pass routes each output's gradient to the input element that held that maximum
 * (its argmax, recorded in the forward pass). On ties the first maximum in row-major window order wins, as in
 * PyTorch's CPU kernel; overlapping windows (stride smaller than the kernel) add their gradients.
 *
 * <p>Parallel over images, each image writing only its own outputs: bit-identical for any thread count.
 */
public final class MaxPooling {
    private MaxPooling() {}

    /**
     * Pools {@code x} and writes into {@code argmax} (length {@code batch * C * outH * outW}) the flat index, in
     * the contiguous {@code x}, of each output's maximum.
     */
    public static Tensor forward(Tensor x, Conv2dGeometry g, int[] argmax) {
        requirePlain("max pooling", g);
        g.requireImages("max pooling", x);
        int batch = x.dim(0);
        Tensor xc = x.contiguous();
        Tensor out = Tensor.zeros(x.dtype(), batch, g.channels(), g.outHeight(), g.outWidth());
        if (argmax.length != out.size()) {
            throw new IllegalArgumentException("max pooling: argmax needs " + out.size() + " entries, got " + argmax.length);
        }
        int plane = g.height() * g.width();
        int positions = g.outPositions();
        Parallel.forRange(batch, 1, (n0, n1) -> {
            for (int p = n0 * g.channels(); p < n1 * g.channels(); p++) {
                int in = p * plane;
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    for (int ox = 0; ox < g.outWidth(); ox++) {
                        int k = p * positions + oy * g.outWidth() + ox;
                        int first = in + oy * g.strideHeight() * g.width() + ox * g.strideWidth();
                        if (x.dtype() == DType.FLOAT32) {
                            argmax[k] = argmaxFloat(xc.floatData(), xc.offset(), first, g);
                            out.floatData()[k] = xc.floatData()[xc.offset() + argmax[k]];
                        } else {
                            argmax[k] = argmaxDouble(xc.doubleData(), xc.offset(), first, g);
                            out.doubleData()[k] = xc.doubleData()[xc.offset() + argmax[k]];
                        }
                    }
                }
            }
        });
        return out;
    }

    /** The input gradient {@code [batch, C, H, W]}: each output gradient added at its argmax. */
    public static Tensor backward(Tensor gradOutput, int[] argmax, Conv2dGeometry g) {
        int batch = gradOutput.dim(0);
        Tensor gc = gradOutput.contiguous();
        Tensor dx = Tensor.zeros(gradOutput.dtype(), batch, g.channels(), g.height(), g.width());
        int perImage = g.channels() * g.outPositions();
        Parallel.forRange(batch, 1, (n0, n1) -> {
            for (int k = n0 * perImage; k < n1 * perImage; k++) {
                if (dx.dtype() == DType.FLOAT32) {
                    dx.floatData()[argmax[k]] += gc.floatData()[gc.offset() + k];
                } else {
                    dx.doubleData()[argmax[k]] += gc.doubleData()[gc.offset() + k];
                }
            }
        });
        return dx;
    }

    /** Pooling here has no padding and no dilation (Keras's {@code padding='valid'}). */
    static void requirePlain(String what, Conv2dGeometry g) {
        if (g.padTop() != 0 || g.padLeft() != 0 || g.dilationHeight() != 1 || g.dilationWidth() != 1) {
            throw new IllegalArgumentException(what + ": only valid padding and dilation 1 are supported, got " + g);
        }
    }

    private static int argmaxFloat(float[] x, int xo, int first, Conv2dGeometry g) {
        int kh = g.kernelHeight();
        int kw = g.kernelWidth();
        int width = g.width();
        int best = first;
        float max = x[xo + first];
        for (int i = 0; i < kh; i++) {
            int row = xo + first + i * width;
            for (int j = 0; j < kw; j++) {
                float v = x[row + j];
                // v > max, or the first NaN (NaN propagates, as in PyTorch); max == max is false once max is NaN
                if (v > max || (v != v && max == max)) {
                    max = v;
                    best = row + j - xo;
                }
            }
        }
        return best;
    }

    private static int argmaxDouble(double[] x, int xo, int first, Conv2dGeometry g) {
        int best = first;
        double max = x[xo + first];
        for (int i = 0; i < g.kernelHeight(); i++) {
            for (int j = 0; j < g.kernelWidth(); j++) {
                int at = first + i * g.width() + j;
                if (x[xo + at] > max || (Double.isNaN(x[xo + at]) && !Double.isNaN(max))) {
                    max = x[xo + at];
                    best = at;
                }
            }
        }
        return best;
    }
}
