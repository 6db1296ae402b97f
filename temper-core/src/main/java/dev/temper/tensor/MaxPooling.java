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
        Parallel.forRange(batch, 1, (n0, n1) -> poolPlanes(xc, xc.offset(), out, argmax, n0 * g.channels(), n1 * g.channels(), g));
        return out;
    }

    /**
     * Pools planes {@code p0 .. p1-1} (image * channels + channel) into the contiguous {@code out} and {@code argmax}
     * at their places in the whole batch. Input plane {@code p} is read from {@code x}'s array at {@code xo + p *
     * H * W}, so a caller holding one image's planes in a buffer of their own passes {@code xo = -p0 * H * W}; the
     * argmax indices are those of the whole batch either way. The type of {@code x} and {@code out} must agree.
     */
    static void poolPlanes(Tensor x, int xo, Tensor out, int[] argmax, int p0, int p1, Conv2dGeometry g) {
        if (x.dtype() == DType.FLOAT32) {
            if (g.kernelHeight() == 2 && g.kernelWidth() == 2 && g.strideHeight() == 2 && g.strideWidth() == 2) {
                pool2x2(x.floatData(), xo, out.floatData(), argmax, p0, p1, g);
            } else {
                poolFloat(x.floatData(), xo, out.floatData(), argmax, p0, p1, g);
            }
        } else {
            poolDouble(x.doubleData(), xo, out.doubleData(), argmax, p0, p1, g);
        }
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

    /**
     * Max pooling's backward pass behind a ReLU, for the pooled values {@code first .. first+count-1}: {@code into}'s
     * first {@code length} values set to 0, then each pooled gradient added at its argmax minus {@code base} where
     * the pooled value is above 0 (where it is not, the ReLU's gradient is 0 at that maximum). The fused convolutions
     * call it one image at a time, into a buffer of their own. {@code gradient}, {@code pooled} and {@code into}
     * share a type; the first two are contiguous.
     */
    static void backwardAboveZero(Tensor gradient, Tensor pooled, int[] argmax, int first, int count, int base, Tensor into, int length) {
        if (into.dtype() == DType.FLOAT32) {
            float[] to = into.floatData();
            java.util.Arrays.fill(to, into.offset(), into.offset() + length, 0f);
            float[] g = gradient.floatData();
            float[] y = pooled.floatData();
            for (int k = first; k < first + count; k++) {
                if (y[pooled.offset() + k] > 0) {
                    to[into.offset() + argmax[k] - base] += g[gradient.offset() + k];
                }
            }
        } else {
            double[] to = into.doubleData();
            java.util.Arrays.fill(to, into.offset(), into.offset() + length, 0);
            double[] g = gradient.doubleData();
            double[] y = pooled.doubleData();
            for (int k = first; k < first + count; k++) {
                if (y[pooled.offset() + k] > 0) {
                    to[into.offset() + argmax[k] - base] += g[gradient.offset() + k];
                }
            }
        }
    }

    /** Pooling here has no padding and no dilation (Keras's {@code padding='valid'}). */
    static void requirePlain(String what, Conv2dGeometry g) {
        if (g.padTop() != 0 || g.padLeft() != 0 || g.dilationHeight() != 1 || g.dilationWidth() != 1) {
            throw new IllegalArgumentException(what + ": only valid padding and dilation 1 are supported, got " + g);
        }
    }

    /**
     * The common 2x2 window with stride 2, planes {@code p0 .. p1-1}, without data-dependent branches: the largest
     * value by {@link Math#max} (NaN if any is NaN), then the first of the four, in row-major order, equal to it
     * (the first NaN when it is NaN), each step a select the JIT compiles to a conditional move. The comparison
     * chain of {@link #poolFloat} mispredicts about once per window on real data: 6x slower here (12 against 2 ms
     * for the benchmark CNN's first pooling layer, one core).
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
                    int at = xo + top + 2 * ox;
                    float a = x[at];
                    float b = x[at + 1];
                    float c = x[at + width];
                    float d = x[at + width + 1];
                    float max = Math.max(Math.max(a, b), Math.max(c, d));
                    int offset = width + 1;
                    offset = c == max ? width : offset;
                    offset = b == max ? 1 : offset;
                    offset = a == max ? 0 : offset;
                    if (max != max) { // rare: some NaN, and the first one wins
                        offset = width + 1;
                        offset = c != c ? width : offset;
                        offset = b != b ? 1 : offset;
                        offset = a != a ? 0 : offset;
                    }
                    argmax[k] = top + 2 * ox + offset;
                    out[k] = x[at + offset]; // the element itself: -0.0 stays -0.0 when it comes first
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
