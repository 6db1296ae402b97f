package dev.temper.tensor;

/**
 * Unfolds images into the column matrix that turns convolution into GEMM (im2col), and folds column gradients
 * back into images (col2im, the adjoint). Chellapilla, Puri and Simard, "High Performance Convolutional Neural
 * Networks for Document Processing" (2006).
 *
 * <p>Layout: for a group of {@code count} images of {@code x [batch, C, H, W]} starting at image {@code first},
 * the columns are {@code [C * kh * kw, count * outH * outW]} with row stride {@code ld >= count * outH * outW}: row
 * {@code (c * kh + i) * kw + j} is kernel tap {@code (c, i, j)}, column {@code s * outH * outW + oy * outW + ox} is
 * output position {@code (oy, ox)} of image {@code first + s}. {@link GroupedConvolution} works through a batch a
 * few images at a time, so that the columns stay in cache between im2col, GEMM and col2im; {@link #columns} and
 * {@link #image} are the whole-batch forms.
 *
 * <p>Writes skip the taps that fall into the padding: a buffer reused for the same geometry and {@code ld} keeps
 * the zeros it had there, so only a fresh buffer needs zeroing.
 *
 * <p>Both directions run in parallel over images; each image owns a disjoint part of the output and is processed in
 * a fixed order, so results are bit-identical for any thread count.
 */
public final class Im2Col {
    private Im2Col() {}

    /** The column matrix {@code [C * kh * kw, batch * outH * outW]} of {@code x [batch, C, H, W]}. */
    public static Tensor columns(Tensor x, Conv2dGeometry g) {
        g.requireImages("im2col", x);
        int wide = x.dim(0) * g.outPositions();
        Tensor col = Tensor.zeros(x.dtype(), g.patchSize(), wide); // zeros are the padding
        unfold(x.contiguous(), 0, x.dim(0), g, col, wide);
        return col;
    }

    /** The gradient of {@code x [batch, C, H, W]} from the gradient of its columns: overlapping taps add up. */
    public static Tensor image(Tensor columns, int batch, Conv2dGeometry g) {
        int wide = batch * g.outPositions();
        if (columns.rank() != 2 || columns.dim(0) != g.patchSize() || columns.dim(1) != wide) {
            throw new IllegalArgumentException("col2im: expected columns [" + g.patchSize() + ", " + wide + "], got " + columns.shape());
        }
        Tensor x = Tensor.zeros(columns.dtype(), batch, g.channels(), g.height(), g.width());
        fold(columns.contiguous(), wide, 0, batch, g, x);
        return x;
    }

    /**
     * Writes the columns of images {@code first .. first+count-1} of the contiguous {@code x} into {@code col}
     * (contiguous, row stride {@code ld}), leaving padding taps untouched.
     */
    static void unfold(Tensor x, int first, int count, Conv2dGeometry g, Tensor col, int ld) {
        int[] taps = tapRanges(g);
        Parallel.forRange(count, 1, (s0, s1) -> {
            for (int s = s0; s < s1; s++) {
                int xo = x.offset() + (first + s) * g.imageSize();
                int co = col.offset() + s * g.outPositions();
                if (x.dtype() == DType.FLOAT32) {
                    unfold(x.floatData(), xo, col.floatData(), co, ld, g, taps);
                } else {
                    unfold(x.doubleData(), xo, col.doubleData(), co, ld, g, taps);
                }
            }
        });
    }

    /** Adds the column gradient {@code col} (row stride {@code ld}) of images {@code first ..} into the contiguous {@code dx}. */
    static void fold(Tensor col, int ld, int first, int count, Conv2dGeometry g, Tensor dx) {
        int[] taps = tapRanges(g);
        Parallel.forRange(count, 1, (s0, s1) -> {
            for (int s = s0; s < s1; s++) {
                int xo = dx.offset() + (first + s) * g.imageSize();
                int co = col.offset() + s * g.outPositions();
                if (dx.dtype() == DType.FLOAT32) {
                    fold(col.floatData(), co, ld, dx.floatData(), xo, g, taps);
                } else {
                    fold(col.doubleData(), co, ld, dx.doubleData(), xo, g, taps);
                }
            }
        });
    }

    /**
     * For each kernel tap {@code (i, j)}, six numbers {@code oyLo, oyHi, oxLo, oxHi, rowOffset, colOffset}: the
     * output positions whose tap lies inside the image, which read input row {@code oy * strideH + rowOffset} and
     * column {@code ox * strideW + colOffset}. Positions outside the range read padding (zero).
     */
    private static int[] tapRanges(Conv2dGeometry g) {
        int[] t = new int[6 * g.kernelHeight() * g.kernelWidth()];
        for (int i = 0, q = 0; i < g.kernelHeight(); i++) {
            for (int j = 0; j < g.kernelWidth(); j++, q += 6) {
                int dy = i * g.dilationHeight() - g.padTop();
                int dx = j * g.dilationWidth() - g.padLeft();
                int oyLo = Math.min(g.outHeight(), Conv2dGeometry.firstInside(dy, g.strideHeight()));
                int oxLo = Math.min(g.outWidth(), Conv2dGeometry.firstInside(dx, g.strideWidth()));
                t[q] = oyLo;
                t[q + 1] = Math.max(oyLo, Conv2dGeometry.endInside(dy, g.strideHeight(), g.height(), g.outHeight()));
                t[q + 2] = oxLo;
                t[q + 3] = Math.max(oxLo, Conv2dGeometry.endInside(dx, g.strideWidth(), g.width(), g.outWidth()));
                t[q + 4] = dy;
                t[q + 5] = dx;
            }
        }
        return t;
    }

    private static void unfold(float[] x, int xo, float[] col, int co, int ld, Conv2dGeometry g, int[] taps) {
        int ow = g.outWidth();
        int width = g.width();
        int sh = g.strideHeight();
        int sw = g.strideWidth();
        int plane = g.height() * width;
        int tapCount = g.kernelHeight() * g.kernelWidth();
        for (int c = 0, r = 0; c < g.channels(); c++) {
            int xc = xo + c * plane;
            for (int q = 0; q < 6 * tapCount; q += 6, r++) {
                int oxLo = taps[q + 2];
                int length = taps[q + 3] - oxLo;
                int base = co + r * ld;
                for (int oy = taps[q], oyHi = taps[q + 1]; oy < oyHi; oy++) {
                    int d = base + oy * ow + oxLo;
                    int s = xc + (oy * sh + taps[q + 4]) * width + taps[q + 5] + oxLo * sw;
                    if (sw == 1) {
                        copyRow(x, s, col, d, length);
                    } else {
                        for (int e = 0; e < length; e++) {
                            col[d + e] = x[s + e * sw];
                        }
                    }
                }
            }
        }
    }

    /**
     * {@code to[d ..] = from[s ..]} for {@code length} floats, eight at a time written out: the rows of a small
     * feature map are short (8 floats in the benchmark CNN's second layer), too short for System.arraycopy's call or
     * for the JIT's vectorized loop, and the written-out form copied them twice as fast (one core: 2.2 against 4.3
     * ms for the second layer's 6.5 million column entries per batch).
     */
    private static void copyRow(float[] from, int s, float[] to, int d, int length) {
        int e = 0;
        for (; e + 8 <= length; e += 8) {
            to[d + e] = from[s + e];
            to[d + e + 1] = from[s + e + 1];
            to[d + e + 2] = from[s + e + 2];
            to[d + e + 3] = from[s + e + 3];
            to[d + e + 4] = from[s + e + 4];
            to[d + e + 5] = from[s + e + 5];
            to[d + e + 6] = from[s + e + 6];
            to[d + e + 7] = from[s + e + 7];
        }
        for (; e < length; e++) {
            to[d + e] = from[s + e];
        }
    }

    /** {@code to[s ..] += from[d ..]} for {@code length} floats, eight at a time written out (see {@link #copyRow}). */
    private static void addRow(float[] from, int d, float[] to, int s, int length) {
        int e = 0;
        for (; e + 8 <= length; e += 8) {
            to[s + e] += from[d + e];
            to[s + e + 1] += from[d + e + 1];
            to[s + e + 2] += from[d + e + 2];
            to[s + e + 3] += from[d + e + 3];
            to[s + e + 4] += from[d + e + 4];
            to[s + e + 5] += from[d + e + 5];
            to[s + e + 6] += from[d + e + 6];
            to[s + e + 7] += from[d + e + 7];
        }
        for (; e < length; e++) {
            to[s + e] += from[d + e];
        }
    }

    private static void unfold(double[] x, int xo, double[] col, int co, int ld, Conv2dGeometry g, int[] taps) {
        int ow = g.outWidth();
        int width = g.width();
        int sw = g.strideWidth();
        int plane = g.height() * width;
        int tapCount = g.kernelHeight() * g.kernelWidth();
        for (int c = 0, r = 0; c < g.channels(); c++) {
            int xc = xo + c * plane;
            for (int q = 0; q < 6 * tapCount; q += 6, r++) {
                int oxLo = taps[q + 2];
                int length = taps[q + 3] - oxLo;
                for (int oy = taps[q]; oy < taps[q + 1]; oy++) {
                    int d = co + r * ld + oy * ow + oxLo;
                    int s = xc + (oy * g.strideHeight() + taps[q + 4]) * width + taps[q + 5] + oxLo * sw;
                    for (int e = 0; e < length; e++) {
                        col[d + e] = x[s + e * sw];
                    }
                }
            }
        }
    }

    private static void fold(float[] col, int co, int ld, float[] x, int xo, Conv2dGeometry g, int[] taps) {
        int ow = g.outWidth();
        int width = g.width();
        int sh = g.strideHeight();
        int sw = g.strideWidth();
        int plane = g.height() * width;
        int tapCount = g.kernelHeight() * g.kernelWidth();
        for (int c = 0, r = 0; c < g.channels(); c++) {
            int xc = xo + c * plane;
            for (int q = 0; q < 6 * tapCount; q += 6, r++) {
                int oxLo = taps[q + 2];
                int length = taps[q + 3] - oxLo;
                int base = co + r * ld;
                for (int oy = taps[q], oyHi = taps[q + 1]; oy < oyHi; oy++) {
                    int d = base + oy * ow + oxLo;
                    int s = xc + (oy * sh + taps[q + 4]) * width + taps[q + 5] + oxLo * sw;
                    if (sw == 1) {
                        addRow(col, d, x, s, length);
                    } else {
                        for (int e = 0; e < length; e++) {
                            x[s + e * sw] += col[d + e];
                        }
                    }
                }
            }
        }
    }

    private static void fold(double[] col, int co, int ld, double[] x, int xo, Conv2dGeometry g, int[] taps) {
        int ow = g.outWidth();
        int width = g.width();
        int sw = g.strideWidth();
        int plane = g.height() * width;
        int tapCount = g.kernelHeight() * g.kernelWidth();
        for (int c = 0, r = 0; c < g.channels(); c++) {
            int xc = xo + c * plane;
            for (int q = 0; q < 6 * tapCount; q += 6, r++) {
                int oxLo = taps[q + 2];
                int length = taps[q + 3] - oxLo;
                for (int oy = taps[q]; oy < taps[q + 1]; oy++) {
                    int d = co + r * ld + oy * ow + oxLo;
                    int s = xc + (oy * g.strideHeight() + taps[q + 4]) * width + taps[q + 5] + oxLo * sw;
                    for (int e = 0; e < length; e++) {
                        x[s + e * sw] += col[d + e];
                    }
                }
            }
        }
    }
}
