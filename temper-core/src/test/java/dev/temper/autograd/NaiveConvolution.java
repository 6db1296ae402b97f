package dev.temper.autograd;

import dev.temper.tensor.Conv2dGeometry;
import dev.temper.tensor.DType;
import dev.temper.tensor.Tensor;

/** The convolution straight from its definition, one output element at a time: the yardstick for the im2col path. */
final class NaiveConvolution {
    private NaiveConvolution() {}

    static Tensor conv2d(Tensor x, Tensor kernel, Tensor bias, Conv2dGeometry g) {
        int batch = x.dim(0);
        int outChannels = kernel.dim(0);
        Tensor y = Tensor.zeros(DType.FLOAT64, batch, outChannels, g.outHeight(), g.outWidth());
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < outChannels; o++) {
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    for (int ox = 0; ox < g.outWidth(); ox++) {
                        double acc = bias == null ? 0 : bias.get(o);
                        for (int c = 0; c < g.channels(); c++) {
                            for (int i = 0; i < g.kernelHeight(); i++) {
                                for (int j = 0; j < g.kernelWidth(); j++) {
                                    int iy = oy * g.strideHeight() - g.padTop() + i * g.dilationHeight();
                                    int ix = ox * g.strideWidth() - g.padLeft() + j * g.dilationWidth();
                                    if (iy >= 0 && iy < g.height() && ix >= 0 && ix < g.width()) {
                                        acc += kernel.get(o, c, i, j) * x.get(n, c, iy, ix);
                                    }
                                }
                            }
                        }
                        y.set(acc, n, o, oy, ox);
                    }
                }
            }
        }
        return y;
    }
}
