package dev.temper.tensor;

/**
 * Layer-normalization kernels: each row of the last axis ({@code D} features) is normalized by its own mean and
 * biased variance, then scaled and shifted per feature: {@code y = gamma[d] (x - mean) / sqrt(var + eps) + beta[d]}.
 *
 * <p>Each row is one unit of work and the per-feature sums of the backward pass are taken feature by feature
 * over all rows in order, so results are the same bits for any thread count.
 */
public final class RowNormalization {
    private RowNormalization() {}

    /** Output, and per-row mean and inverse standard deviation (float64 {@code [rows]}) for the backward pass. */
    public record Forward(Tensor output, double[] mean, double[] invStd) {}

    public static Forward forward(Tensor x, Tensor gamma, Tensor beta, double epsilon) {
        int d = x.dim(x.rank() - 1);
        int rows = x.size() / Math.max(d, 1);
        ElementAccess.Reader xv = ElementAccess.reader(x.contiguous());
        Tensor y = Tensor.zeros(x.dtype(), x.dims());
        ElementAccess.Writer out = ElementAccess.writer(y);
        ElementAccess.Reader gv = gamma == null ? null : ElementAccess.reader(gamma.contiguous());
        ElementAccess.Reader bv = beta == null ? null : ElementAccess.reader(beta.contiguous());
        double[] mean = new double[rows];
        double[] invStd = new double[rows];
        Parallel.forRange(rows, Math.max(1, 8192 / Math.max(d, 1)), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int base = r * d;
                double s = 0;
                for (int i = 0; i < d; i++) {
                    s += xv.get(base + i);
                }
                double m = s / d;
                double q = 0;
                for (int i = 0; i < d; i++) {
                    double e = xv.get(base + i) - m;
                    q += e * e;
                }
                double k = 1.0 / Math.sqrt(q / d + epsilon);
                mean[r] = m;
                invStd[r] = k;
                for (int i = 0; i < d; i++) {
                    double xhat = (xv.get(base + i) - m) * k;
                    out.set(base + i, xhat * (gv == null ? 1 : gv.get(i)) + (bv == null ? 0 : bv.get(i)));
                }
            }
        });
        return new Forward(y, mean, invStd);
    }

    /**
     * {@code {dx, dgamma, dbeta}} for upstream {@code g}. With {@code h = g gamma}:
     * {@code dx = invStd (h - mean(h) - xhat mean(h xhat))} per row (Ba et al. 2016 normalize as batch norm does,
     * over features instead of examples); {@code dgamma = sum over rows of g xhat}, {@code dbeta = sum of g}.
     */
    public static Tensor[] backward(Tensor g, Tensor x, Tensor gamma, double[] mean, double[] invStd) {
        int d = x.dim(x.rank() - 1);
        int rows = x.size() / Math.max(d, 1);
        ElementAccess.Reader xv = ElementAccess.reader(x.contiguous());
        ElementAccess.Reader gr = ElementAccess.reader(g.contiguous());
        ElementAccess.Reader gv = gamma == null ? null : ElementAccess.reader(gamma.contiguous());
        Tensor dx = Tensor.zeros(x.dtype(), x.dims());
        ElementAccess.Writer out = ElementAccess.writer(dx);
        Parallel.forRange(rows, Math.max(1, 8192 / Math.max(d, 1)), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int base = r * d;
                double sh = 0;
                double shx = 0;
                for (int i = 0; i < d; i++) {
                    double h = gr.get(base + i) * (gv == null ? 1 : gv.get(i));
                    sh += h;
                    shx += h * (xv.get(base + i) - mean[r]) * invStd[r];
                }
                for (int i = 0; i < d; i++) {
                    double h = gr.get(base + i) * (gv == null ? 1 : gv.get(i));
                    double xhat = (xv.get(base + i) - mean[r]) * invStd[r];
                    out.set(base + i, invStd[r] * (h - sh / d - xhat * shx / d));
                }
            }
        });
        double[] dgamma = new double[d];
        double[] dbeta = new double[d];
        Parallel.forRange(d, 64, (i0, i1) -> {
            for (int r = 0; r < rows; r++) {
                int base = r * d;
                for (int i = i0; i < i1; i++) {
                    double gi = gr.get(base + i);
                    dgamma[i] += gi * (xv.get(base + i) - mean[r]) * invStd[r];
                    dbeta[i] += gi;
                }
            }
        });
        return new Tensor[] {dx, Tensor.of(dgamma, d), Tensor.of(dbeta, d)};
    }
}
