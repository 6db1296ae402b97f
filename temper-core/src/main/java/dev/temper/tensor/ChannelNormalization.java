package dev.temper.tensor;

/**
 * Batch-normalization kernels over axis 1 of a tensor {@code [N, C, ...]}: features after a dense layer
 * ({@code [N, C]}) or channels after a convolution ({@code [N, C, H, W]}). Statistics are per channel, over the
 * {@code M = N * (product of the trailing axes)} values of that channel.
 *
 * <p>Sums run in double in a fixed order, and each channel is handled by one chunk, so the results are the same
 * bits for any thread count. Means and variances come back as float64 tensors {@code [C]}.
 */
public final class ChannelNormalization {
    private ChannelNormalization() {}

    /** Per-channel mean and biased variance: {@code {mean, variance}}, each float64 {@code [C]}. */
    public static Tensor[] moments(Tensor x) {
        Layout l = Layout.of(x, "batch normalization");
        ElementAccess.Reader xv = ElementAccess.reader(x.contiguous());
        double[] mean = new double[l.channels];
        double[] variance = new double[l.channels];
        Parallel.forRange(l.channels, 1, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                double s = 0;
                for (int n = 0; n < l.outer; n++) {
                    int base = (n * l.channels + c) * l.inner;
                    for (int i = 0; i < l.inner; i++) {
                        s += xv.get(base + i);
                    }
                }
                double m = s / l.count();
                double q = 0; // second pass: no cancellation when the mean is large against the spread
                for (int n = 0; n < l.outer; n++) {
                    int base = (n * l.channels + c) * l.inner;
                    for (int i = 0; i < l.inner; i++) {
                        double d = xv.get(base + i) - m;
                        q += d * d;
                    }
                }
                mean[c] = m;
                variance[c] = q / l.count();
            }
        });
        return new Tensor[] {Tensor.of(mean, l.channels), Tensor.of(variance, l.channels)};
    }

    /** {@code y = (x - mean) * invStd * gamma + beta} per channel; gamma and beta may be null (1 and 0). */
    public static Tensor normalize(Tensor x, double[] mean, double[] invStd, Tensor gamma, Tensor beta) {
        Layout l = Layout.of(x, "batch normalization");
        Tensor xc = x.contiguous();
        Tensor y = Tensor.zeros(x.dtype(), x.dims());
        double[] scale = new double[l.channels];
        double[] shift = new double[l.channels];
        for (int c = 0; c < l.channels; c++) {
            double gc = gamma == null ? 1 : gamma.getFlat(c);
            double bc = beta == null ? 0 : beta.getFlat(c);
            scale[c] = invStd[c] * gc;
            shift[c] = bc - mean[c] * scale[c];
        }
        if (x.dtype() == DType.FLOAT32) {
            float[] in = xc.floatData();
            float[] out = y.floatData();
            int xo = xc.offset();
            Parallel.forRange(l.outer * l.channels, Math.max(1, 16384 / l.inner), (r0, r1) -> {
                for (int r = r0; r < r1; r++) {
                    int c = r % l.channels;
                    float a = (float) scale[c];
                    float b = (float) shift[c];
                    int base = r * l.inner;
                    for (int i = 0; i < l.inner; i++) {
                        out[base + i] = in[xo + base + i] * a + b;
                    }
                }
            });
        } else {
            double[] in = xc.doubleData();
            double[] out = y.doubleData();
            int xo = xc.offset();
            for (int r = 0; r < l.outer * l.channels; r++) {
                int c = r % l.channels;
                int base = r * l.inner;
                for (int i = 0; i < l.inner; i++) {
                    out[base + i] = in[xo + base + i] * scale[c] + shift[c];
                }
            }
        }
        return y;
    }

    /**
     * Gradients of {@link #normalize} for upstream {@code g}: {@code {dx, dgamma, dbeta}} (dgamma and dbeta in the
     * input's dtype, {@code [C]}). With {@code batchStatistics} the mean and variance were computed from this
     * batch, so they depend on x: {@code dx = gamma invStd (g - (sum g + xhat sum(g xhat)) / M)} (Ioffe and
     * Szegedy 2015, section 3); otherwise they are constants and {@code dx = gamma invStd g}.
     */
    public static Tensor[] backward(Tensor g, Tensor x, double[] mean, double[] invStd, Tensor gamma,
                                    boolean batchStatistics) {
        Layout l = Layout.of(x, "batch normalization");
        ElementAccess.Reader xv = ElementAccess.reader(x.contiguous());
        ElementAccess.Reader gv = ElementAccess.reader(g.contiguous());
        double[] sumG = new double[l.channels];
        double[] sumGXhat = new double[l.channels];
        Parallel.forRange(l.channels, 1, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                double sg = 0;
                double sgx = 0;
                for (int n = 0; n < l.outer; n++) {
                    int base = (n * l.channels + c) * l.inner;
                    for (int i = 0; i < l.inner; i++) {
                        double gi = gv.get(base + i);
                        sg += gi;
                        sgx += gi * (xv.get(base + i) - mean[c]) * invStd[c];
                    }
                }
                sumG[c] = sg;
                sumGXhat[c] = sgx;
            }
        });
        Tensor dx = Tensor.zeros(x.dtype(), x.dims());
        ElementAccess.Writer out = ElementAccess.writer(dx);
        double m = l.count();
        Parallel.forRange(l.outer * l.channels, Math.max(1, 16384 / l.inner), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int c = r % l.channels;
                double k = (gamma == null ? 1 : gamma.getFlat(c)) * invStd[c];
                double meanG = batchStatistics ? sumG[c] / m : 0;
                double meanGXhat = batchStatistics ? sumGXhat[c] / m : 0;
                int base = r * l.inner;
                for (int i = 0; i < l.inner; i++) {
                    double xhat = (xv.get(base + i) - mean[c]) * invStd[c];
                    out.set(base + i, k * (gv.get(base + i) - meanG - xhat * meanGXhat));
                }
            }
        });
        return new Tensor[] {dx, Tensor.of(sumGXhat, l.channels).to(x.dtype()), Tensor.of(sumG, l.channels).to(x.dtype())};
    }

    /** {@code [N, C, rest...]} seen as outer N, channels C, inner = product of the rest. */
    private record Layout(int outer, int channels, int inner) {
        static Layout of(Tensor x, String what) {
            if (x.rank() < 2) {
                throw new IllegalArgumentException(what + ": expected input [batch, channels, ...], got " + x.shape());
            }
            int inner = 1;
            for (int a = 2; a < x.rank(); a++) {
                inner *= x.dim(a);
            }
            return new Layout(x.dim(0), x.dim(1), inner);
        }

        int count() {
            return outer * inner;
        }
    }
}
