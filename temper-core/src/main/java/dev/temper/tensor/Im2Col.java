package dev.temper.tensor;

/**
 * Unfolds images into the column matrix that turns convolution into one GEMM (im2col), and folds column gradients
 * back into images (col2im, the adjoint). Chellapilla, Puri and Simard, "High Performance Convolutional Neural
 * Networks for Document Processing" (2006).
 *
 * <p>Layout: for {@code x [batch, C, H, W]} the columns are {@code [C * kh * kw, batch * outH * outW]}: row
 * {@code (c * kh + i) * kw + j} is kernel tap {@code (c, i, j)}, column {@code n * outH * outW + oy * outW + ox} is
 * output position {@code (oy, ox)} of image {@code n}. Then {@code kernel [OC, C*kh*kw] @ columns} is the whole
 * batch's convolution in a single GEMM, large enough for BLAS to run at full speed (per-image GEMMs of the first
 * layer of a small CNN are only 32 x 25 x 576).
 *
 * <p>Both directions run in parallel over images; each image owns a disjoint part of the output and is processed in
 * a fixed order, so results are bit-identical for any thread count.
 */
public final class Im2Col {
    private Im2Col() {}

    /** The column matrix {@code [C * kh * kw, batch * outH * outW]} of {@code x [batch, C, H, W]}. */
    public static Tensor columns(Tensor x, Conv2dGeometry g) {
        g.requireImages("im2col", x);
        Tensor xc = x.contiguous();
        int batch = x.dim(0);
        int wide = batch * g.outPositions();
        Tensor col = Tensor.zeros(x.dtype(), g.patchSize(), wide); // zeros are the padding
        Parallel.forRange(batch, 1, (n0, n1) -> {
            for (int n = n0; n < n1; n++) {
                if (x.dtype() == DType.FLOAT32) {
                    unfold(xc.floatData(), xc.offset() + n * g.imageSize(), col.floatData(), n, wide, g);
                } else {
                    unfold(xc.doubleData(), xc.offset() + n * g.imageSize(), col.doubleData(), n, wide, g);
                }
            }
        });
        return col;
    }

    /** The gradient of {@code x [batch, C, H, W]} from the gradient of its columns: overlapping taps add up. */
    public static Tensor image(Tensor columns, int batch, Conv2dGeometry g) {
        int wide = batch * g.outPositions();
        if (columns.rank() != 2 || columns.dim(0) != g.patchSize() || columns.dim(1) != wide) {
            throw new IllegalArgumentException("col2im: expected columns [" + g.patchSize() + ", " + wide + "], got " + columns.shape());
        }
        Tensor cc = columns.contiguous();
        Tensor x = Tensor.zeros(columns.dtype(), batch, g.channels(), g.height(), g.width());
        Parallel.forRange(batch, 1, (n0, n1) -> {
            for (int n = n0; n < n1; n++) {
                if (x.dtype() == DType.FLOAT32) {
                    fold(cc.floatData(), cc.offset(), x.floatData(), n * g.imageSize(), n, wide, g);
                } else {
                    fold(cc.doubleData(), cc.offset(), x.doubleData(), n * g.imageSize(), n, wide, g);
                }
            }
        });
        return x;
    }

    /**
     * The valid output range of one kernel tap: {@code {oyLo, oyHi, oxLo, oxHi, rowOffset, colOffset}}, where the
     * tap reads input row {@code oy * strideH + rowOffset} and column {@code ox * strideW + colOffset}. Positions
     * outside the range read padding (zero), so the loops below skip them.
     */
    private static int[] tapRange(Conv2dGeometry g, int i, int j) {
        int dy = i * g.dilationHeight() - g.padTop();
        int dx = j * g.dilationWidth() - g.padLeft();
        int oyLo = Math.min(g.outHeight(), Conv2dGeometry.firstInside(dy, g.strideHeight()));
        int oyHi = Math.max(oyLo, Conv2dGeometry.endInside(dy, g.strideHeight(), g.height(), g.outHeight()));
        int oxLo = Math.min(g.outWidth(), Conv2dGeometry.firstInside(dx, g.strideWidth()));
        int oxHi = Math.max(oxLo, Conv2dGeometry.endInside(dx, g.strideWidth(), g.width(), g.outWidth()));
        return new int[] {oyLo, oyHi, oxLo, oxHi, dy, dx};
    }

    private static void unfold(float[] x, int xo, float[] col, int n, int wide, Conv2dGeometry g) {
        int ow = g.outWidth();
        int sh = g.strideHeight();
        int sw = g.strideWidth();
        int plane = g.height() * g.width();
        for (int c = 0, r = 0; c < g.channels(); c++) {
            for (int i = 0; i < g.kernelHeight(); i++) {
                for (int j = 0; j < g.kernelWidth(); j++, r++) {
                    int[] t = tapRange(g, i, j);
                    int base = r * wide + n * g.outPositions();
                    for (int oy = t[0]; oy < t[1]; oy++) {
                        int d = base + oy * ow;
                        int s = xo + c * plane + (oy * sh + t[4]) * g.width() + t[5];
                        if (sw == 1) {
                            System.arraycopy(x, s + t[2], col, d + t[2], t[3] - t[2]);
                        } else {
                            for (int ox = t[2]; ox < t[3]; ox++) {
                                col[d + ox] = x[s + ox * sw];
                            }
                        }
                    }
                }
            }
        }
    }

    private static void unfold(double[] x, int xo, double[] col, int n, int wide, Conv2dGeometry g) {
        int ow = g.outWidth();
        int plane = g.height() * g.width();
        for (int c = 0, r = 0; c < g.channels(); c++) {
            for (int i = 0; i < g.kernelHeight(); i++) {
                for (int j = 0; j < g.kernelWidth(); j++, r++) {
                    int[] t = tapRange(g, i, j);
                    int base = r * wide + n * g.outPositions();
                    for (int oy = t[0]; oy < t[1]; oy++) {
                        int d = base + oy * ow;
                        int s = xo + c * plane + (oy * g.strideHeight() + t[4]) * g.width() + t[5];
                        for (int ox = t[2]; ox < t[3]; ox++) {
                            col[d + ox] = x[s + ox * g.strideWidth()];
                        }
                    }
                }
            }
        }
    }

    private static void fold(float[] col, int co, float[] x, int xo, int n, int wide, Conv2dGeometry g) {
        int ow = g.outWidth();
        int sh = g.strideHeight();
        int sw = g.strideWidth();
        int plane = g.height() * g.width();
        for (int c = 0, r = 0; c < g.channels(); c++) {
            for (int i = 0; i < g.kernelHeight(); i++) {
                for (int j = 0; j < g.kernelWidth(); j++, r++) {
                    int[] t = tapRange(g, i, j);
                    int base = co + r * wide + n * g.outPositions();
                    for (int oy = t[0]; oy < t[1]; oy++) {
                        int d = base + oy * ow;
                        int s = xo + c * plane + (oy * sh + t[4]) * g.width() + t[5];
                        if (sw == 1) {
                            for (int ox = t[2]; ox < t[3]; ox++) {
                                x[s + ox] += col[d + ox];
                            }
                        } else {
                            for (int ox = t[2]; ox < t[3]; ox++) {
                                x[s + ox * sw] += col[d + ox];
                            }
                        }
                    }
                }
            }
        }
    }

    private static void fold(double[] col, int co, double[] x, int xo, int n, int wide, Conv2dGeometry g) {
        int ow = g.outWidth();
        int plane = g.height() * g.width();
        for (int c = 0, r = 0; c < g.channels(); c++) {
            for (int i = 0; i < g.kernelHeight(); i++) {
                for (int j = 0; j < g.kernelWidth(); j++, r++) {
                    int[] t = tapRange(g, i, j);
                    int base = co + r * wide + n * g.outPositions();
                    for (int oy = t[0]; oy < t[1]; oy++) {
                        int d = base + oy * ow;
                        int s = xo + c * plane + (oy * g.strideHeight() + t[4]) * g.width() + t[5];
                        for (int ox = t[2]; ox < t[3]; ox++) {
                            x[s + ox * g.strideWidth()] += col[d + ox];
                        }
                    }
                }
            }
        }
    }
}
