package dev.temper.data;

import dev.temper.tensor.DType;
import dev.temper.tensor.Tensor;

/**
 * One batch's random choices under {@link Mixup}: the weight {@code lambda} and the partner of every row
 * ({@code partners[i]} is the row that row {@code i} is mixed with). Drawn by {@link Mixup#draw}; the same draw mixes
 * the features ({@link #mix}) and picks the partner targets ({@link #partnerRows}), so a loss can be mixed instead
 * of the targets.
 *
 * @param lambda the weight of each row itself, in [0, 1]; its partner gets {@code 1 - lambda}
 * @param partners a permutation of the batch's rows
 */
public record MixupDraw(double lambda, int[] partners) {
    public MixupDraw {
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("MixupDraw: lambda must be in [0, 1], got " + lambda);
        }
        if (partners == null) {
            throw new IllegalArgumentException("MixupDraw: partners must not be null");
        }
        partners = partners.clone();
        boolean[] seen = new boolean[partners.length];
        for (int i = 0; i < partners.length; i++) {
            int p = partners[i];
            if (p < 0 || p >= partners.length || seen[p]) {
                throw new IllegalArgumentException("MixupDraw: partners must be a permutation of 0.." + (partners.length - 1)
                        + ", got " + p + " at position " + i);
            }
            seen[p] = true;
        }
    }

    @Override
    public int[] partners() {
        return partners.clone();
    }

    /** Rows in the batch. */
    public int size() {
        return partners.length;
    }

    /**
     * {@code lambda * t[i] + (1 - lambda) * t[partners[i]]} for every row {@code i} of {@code t} ({@code [n, ...]},
     * FLOAT32), in a new tensor; each element is computed in float, the same way every time.
     */
    public Tensor mix(Tensor t) {
        if (t.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException("Mixup: can mix FLOAT32 tensors only, got " + t.dtype() + " of shape " + t.shape());
        }
        checkRows(t);
        float[] in = t.toFloatArray();
        float[] out = new float[in.length];
        int n = partners.length;
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

    /** Row {@code partners[i]} of {@code t} as row {@code i} (class indices, one-hot rows or numbers alike). */
    public Tensor partnerRows(Tensor t) {
        checkRows(t);
        return t.gatherRows(partners);
    }

    private void checkRows(Tensor t) {
        if (t.rank() < 1 || t.dim(0) != partners.length) {
            throw new IllegalArgumentException("Mixup: the draw is for a batch of " + partners.length
                    + " rows, got a tensor of shape " + t.shape());
        }
    }
}
