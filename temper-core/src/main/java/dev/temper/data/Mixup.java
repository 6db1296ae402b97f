package dev.temper.data;

import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;

/**
 * Mixup (Zhang, Cisse, Dauphin and Lopez-Paz 2018, "mixup: Beyond empirical risk minimization"): with one
 * {@code lambda ~ Beta(alpha, alpha)} per batch and a random permutation {@code p} of the batch (the paper's
 * reference implementation mixes a batch with a shuffled copy of itself),
 * {@code x'_i = lambda x_i + (1 - lambda) x_{p(i)}} and {@code y'_i = lambda y_i + (1 - lambda) y_{p(i)}}.
 * Targets must therefore be one-hot (or any probability rows) {@code [n, classes]}; {@link #oneHot} converts class
 * indices. Features may have any shape {@code [n, ...]}; the loss must accept soft targets.
 */
public record Mixup(double alpha) {
    public Mixup {
        if (!(alpha > 0 && Double.isFinite(alpha))) {
            throw new IllegalArgumentException("Mixup alpha must be finite and > 0, got " + alpha);
        }
    }

    /** Draws lambda, then the partner permutation; returns new tensors (the batch is not modified). */
    public MixedBatch apply(Batch batch, Rng rng) {
        Tensor x = batch.features();
        Tensor y = batch.targets();
        if (x.dtype() != DType.FLOAT32 || y.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException("Mixup: features and targets must be FLOAT32, got " + x.dtype() + " and " + y.dtype());
        }
        if (y.rank() != 2) {
            throw new IllegalArgumentException("Mixup: targets must be one-hot rows [n, classes], got shape " + y.shape() + " (see Mixup.oneHot)");
        }
        double lambda = GammaSampler.beta(alpha, alpha, rng);
        int[] partners = rng.permutation(batch.size());
        return new MixedBatch(mix(x, partners, lambda), mix(y, partners, lambda), lambda, partners);
    }

    private static Tensor mix(Tensor t, int[] partners, double lambda) {
        float[] in = t.toFloatArray();
        float[] out = new float[in.length];
        int n = t.dim(0);
        int row = n == 0 ? 0 : in.length / n;
        float a = (float) lambda;
        float b = (float) (1 - lambda);
        for (int i = 0; i < n; i++) {
            int self = i * row;
            int other = partners[i] * row;
            for (int j = 0; j < row; j++) {
                out[self + j] = a * in[self + j] + b * in[other + j];
            }
        }
        return Tensor.wrap(out, t.dims());
    }

    /** Class indices {@code [n]} as one-hot rows {@code [n, classCount]} (FLOAT32). */
    public static Tensor oneHot(Tensor classIndices, int classCount) {
        if (classIndices.rank() != 1) {
            throw new IllegalArgumentException("Mixup.oneHot: class indices must have shape [n], got " + classIndices.shape());
        }
        int n = classIndices.dim(0);
        float[] out = new float[n * classCount];
        for (int i = 0; i < n; i++) {
            double v = classIndices.getFlat(i);
            if (!(v >= 0 && v < classCount) || v != Math.rint(v)) {
                throw new IllegalArgumentException("Mixup.oneHot: class index must be a whole number in [0, " + classCount + "), got " + v + " at row " + i);
            }
            out[i * classCount + (int) v] = 1f;
        }
        return Tensor.wrap(out, n, classCount);
    }
}
