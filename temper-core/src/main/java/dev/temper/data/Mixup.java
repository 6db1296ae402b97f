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
 *
 * <p>{@link #draw} gives the same choices without mixing anything, so that a trainer can mix the features and
 * weight two losses instead ({@code dev.temper.train.Trainer#withMixup}): that needs no one-hot targets and works
 * with every loss.
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
        MixupDraw draw = draw(batch.size(), rng);
        return new MixedBatch(draw.mix(x), draw.mix(y), draw.lambda(), draw.partners());
    }

    /**
     * The random choices for a batch of {@code batchSize} rows: {@code lambda ~ Beta(alpha, alpha)}, then the
     * partner permutation (the same draws, in the same order, as {@link #apply}). For mixing a loss instead of the
     * targets, which works with class indices and any loss (see {@code dev.temper.train.Trainer#withMixup}).
     */
    public MixupDraw draw(int batchSize, Rng rng) {
        if (batchSize < 0) {
            throw new IllegalArgumentException("Mixup: batchSize must be >= 0, got " + batchSize);
        }
        double lambda = GammaSampler.beta(alpha, alpha, rng);
        return new MixupDraw(lambda, rng.permutation(batchSize));
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
