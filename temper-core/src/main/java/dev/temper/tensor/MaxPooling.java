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
        Parallel.forRange(batch, 1, (n0, n1) -> {
            if (x.dtype() == DType.FLOAT32) {
                if (g.kernelHeight() == 2 && g.kernelWidth() == 2 && g.strideHeight() == 2 && g.strideWidth() == 2) {
                    pool2x2(xc.floatData(), xc.offset(), out.floatData(), argmax, n0 * g.channels(), n1 * g.channels(), g);
                } else {
                    poolFloat(xc.floatData(), xc.offset(), out.floatData(), argmax, n0 * g.channels(), n1 * g.channels(), g);
                }
            } else {
                poolDouble(xc.doubleData(), xc.offset(), out.doubleData(), argmax, n0 * g.channels(), n1 * g.channels(), g);
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

    /**
     * The common 2x2 window with stride 2, planes {@code p0 .. p1-1}: the four candidates in row-major order, the
     * first maximum kept (a later value must be strictly greater, or the first NaN).
     */
    private static void pool2x2(float[] x, int xo, float[] out, int[] argmax, int p0, int p1, Conv2dGeometry g) {
        int width = g.width();
        int oh = g.outHeight();
        int ow = g.outWidth();
        int plane = g.height() * width;
        for (int p = p0; p < p1; p++) {
            for (int oy = 0; oy < oh; oy++) {
                int top = p * plane + 2 * oy * width;
                int k = (p * oh + oy) * ow;
                for (int ox = 0; ox < ow; ox++, k++) {
                    int at = top + 2 * ox;
                    int best = at;
                    float max = x[xo + at];
                    float v = x[xo + at + 1];
                    if (v > max || (v != v && max == max)) {
                        max = v;
                        best = at + 1;
                    }
                    v = x[xo + at + width];
                    if (v > max || (v != v && max == max)) {
                        max = v;
                        best = at + width;
                    }
                    v = x[xo + at + width + 1];
                    if (v > max || (v != v && max == max)) {
                        max = v;
                        best = at + width + 1;
                    }
                    argmax[k] = best;
                    out[k] = max;
                }
            }
        }
    }

    private static void poolFloat(float[] x, int xo, float[] out, int[] argmax, int p0, int p1, Conv2dGeometry g) {
        int width = g.width();
        int kh = g.kernelHeight();
        int kw = g.kernelWidth();
        int sh = g.strideHeight();
        int sw = g.strideWidth();
        int oh = g.outHeight();
        int ow = g.outWidth();
        int plane = g.height() * width;
        for (int p = p0; p < p1; p++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int first = p * plane + oy * sh * width + ox * sw;
                    int best = first;
                    float max = x[xo + first];
                    for (int i = 0; i < kh; i++) {
                        int row = first + i * width;
                        for (int j = 0; j < kw; j++) {
                            float v = x[xo + row + j];
                            // v > max, or the first NaN (NaN propagates, as in PyTorch); max == max is false once max is NaN
                            if (v > max || (v != v && max == max)) {
                                max = v;
                                best = row + j;
                            }
                        }
                    }
                    int k = (p * oh + oy) * ow + ox;
                    argmax[k] = best;
                    out[k] = max;
                }
            }
        }
    }

    private static void poolDouble(double[] x, int xo, double[] out, int[] argmax, int p0, int p1, Conv2dGeometry g) {
        int width = g.width();
        int plane = g.height() * width;
        for (int p = p0; p < p1; p++) {
            for (int oy = 0; oy < g.outHeight(); oy++) {
                for (int ox = 0; ox < g.outWidth(); ox++) {
                    int first = p * plane + oy * g.strideHeight() * width + ox * g.strideWidth();
                    int best = first;
                    double max = x[xo + first];
                    for (int i = 0; i < g.kernelHeight(); i++) {
                        for (int j = 0; j < g.kernelWidth(); j++) {
                            int at = first + i * width + j;
                            if (x[xo + at] > max || (Double.isNaN(x[xo + at]) && !Double.isNaN(max))) {
                                max = x[xo + at];
                                best = at;
                            }
                        }
                    }
                    int k = (p * g.outHeight() + oy) * g.outWidth() + ox;
                    argmax[k] = best;
                    out[k] = max;
                }
            }
        }
    }
}
