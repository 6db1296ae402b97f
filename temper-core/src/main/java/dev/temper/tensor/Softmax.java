package dev.temper.tensor;

/**
 * Softmax and log-softmax along the last axis. The row maximum is subtracted first, so exp never overflows, and
 * log-softmax is {@code x - max - log(sum(exp(x - max)))} (log-sum-exp), finite even for logits of 1e4.
 */
final class Softmax {
    private Softmax() {}

    static Tensor softmax(Tensor x, boolean log) {
        if (x.rank() < 1) {
            throw new IllegalArgumentException((log ? "logSoftmax" : "softmax") + ": needs rank >= 1, got a scalar");
        }
        Tensor in = x.contiguous();
        Tensor out = Tensor.zerosLike(x);
        int cols = x.dim(-1);
        int rows = cols == 0 ? 0 : x.size() / cols;
        int xo = in.offset();
        Parallel.forRange(rows, Math.max(1, Elementwise.GRAIN / Math.max(1, cols)), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int p = xo + r * cols;
                int q = r * cols;
                if (in.dtype() == DType.FLOAT32) {
                    float[] a = in.floatData();
                    float[] y = out.floatData();
                    float max = Float.NEGATIVE_INFINITY;
                    for (int j = 0; j < cols; j++) {
                        max = Math.max(max, a[p + j]);
                    }
                    double sum = 0;
                    for (int j = 0; j < cols; j++) {
                        sum += Math.exp(a[p + j] - max);
                    }
                    if (log) {
                        double shift = max + Math.log(sum);
                        for (int j = 0; j < cols; j++) {
                            y[q + j] = (float) (a[p + j] - shift);
                        }
                    } else {
                        double inv = 1.0 / sum;
                        for (int j = 0; j < cols; j++) {
                            y[q + j] = (float) (Math.exp(a[p + j] - max) * inv);
                        }
                    }
                } else {
                    double[] a = in.doubleData();
                    double[] y = out.doubleData();
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < cols; j++) {
                        max = Math.max(max, a[p + j]);
                    }
                    double sum = 0;
                    for (int j = 0; j < cols; j++) {
                        sum += Math.exp(a[p + j] - max);
                    }
                    double shift = max + Math.log(sum);
                    for (int j = 0; j < cols; j++) {
                        y[q + j] = log ? a[p + j] - shift : Math.exp(a[p + j] - shift);
                    }
                }
            }
        });
        return out;
    }
}
