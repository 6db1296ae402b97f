package dev.temper.tensor;

/**
 * 2-D average pooling kernels over {@code [batch, C, H, W]} without padding: each output is the mean of its
 * {@code kh x kw} window; backward spreads each output gradient evenly, {@code g / (kh * kw)}, over its window
 * (overlapping windows add up).
 *
 * <p>Parallel over images, each image writing only its own outputs: bit-identical for any thread count.
 */
public final class AveragePooling {
    private AveragePooling() {}

    public static Tensor forward(Tensor x, Conv2dGeometry g) {
        MaxPooling.requirePlain("average pooling", g);
        g.requireImages("average pooling", x);
        int batch = x.dim(0);
        Tensor xc = x.contiguous();
        Tensor out = Tensor.zeros(x.dtype(), batch, g.channels(), g.outHeight(), g.outWidth());
        int plane = g.height() * g.width();
        double scale = 1.0 / (g.kernelHeight() * g.kernelWidth());
        Parallel.forRange(batch, 1, (n0, n1) -> {
            for (int p = n0 * g.channels(); p < n1 * g.channels(); p++) {
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    for (int ox = 0; ox < g.outWidth(); ox++) {
                        int first = xc.offset() + p * plane + oy * g.strideHeight() * g.width() + ox * g.strideWidth();
                        double sum = 0;
                        for (int i = 0; i < g.kernelHeight(); i++) {
                            for (int j = 0; j < g.kernelWidth(); j++) {
                                int at = first + i * g.width() + j;
                                sum += x.dtype() == DType.FLOAT32 ? xc.floatData()[at] : xc.doubleData()[at];
                            }
                        }
                        out.setFlatContiguous((p * g.outHeight() + oy) * g.outWidth() + ox, sum * scale);
                    }
                }
            }
        });
        return out;
    }

    public static Tensor backward(Tensor gradOutput, Conv2dGeometry g) {
        int batch = gradOutput.dim(0);
        Tensor gc = gradOutput.contiguous();
        Tensor dx = Tensor.zeros(gradOutput.dtype(), batch, g.channels(), g.height(), g.width());
        int plane = g.height() * g.width();
        double scale = 1.0 / (g.kernelHeight() * g.kernelWidth());
        Parallel.forRange(batch, 1, (n0, n1) -> {
            for (int p = n0 * g.channels(); p < n1 * g.channels(); p++) {
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    for (int ox = 0; ox < g.outWidth(); ox++) {
                        int k = gc.offset() + (p * g.outHeight() + oy) * g.outWidth() + ox;
                        int first = p * plane + oy * g.strideHeight() * g.width() + ox * g.strideWidth();
                        for (int i = 0; i < g.kernelHeight(); i++) {
                            for (int j = 0; j < g.kernelWidth(); j++) {
                                int at = first + i * g.width() + j;
                                if (dx.dtype() == DType.FLOAT32) {
                                    dx.floatData()[at] += (float) (gc.floatData()[k] * scale);
                                } else {
                                    dx.doubleData()[at] += gc.doubleData()[k] * scale;
                                }
                            }
                        }
                    }
                }
            }
        });
        return dx;
    }
}
