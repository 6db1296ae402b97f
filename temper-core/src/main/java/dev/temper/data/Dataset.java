package dev.temper.data;

import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.Arrays;

/**
 * Examples held in memory: {@code features [n, ...]} and {@code targets [n]} (class indices) or {@code [n, ...]}
 * (regression values), row {@code i} of each belonging together.
 */
public record Dataset(Tensor features, Tensor targets) {
    public Dataset {
        if (features.rank() < 1 || targets.rank() < 1) {
            throw new IllegalArgumentException("dataset features and targets need a first (example) axis, got shapes " + features.shape() + " and " + targets.shape());
        }
        if (features.dim(0) != targets.dim(0)) {
            throw new IllegalArgumentException("dataset has " + features.dim(0) + " feature rows but " + targets.dim(0) + " target rows");
        }
    }

    public int size() {
        return features.dim(0);
    }

    /** The examples at the given row indices, in that order (a copy). */
    public Dataset subset(int[] rows) {
        return new Dataset(features.gatherRows(rows), targets.gatherRows(rows));
    }

    /**
     * A seeded random split: the second part holds {@code round(fraction * size)} examples, the first the rest.
     * (Keras's validation_split takes the last rows without shuffling; a seeded random split avoids depending
     * on file order, and the same seed gives the same split.)
     */
    public Dataset[] split(double fraction, Rng rng) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("split fraction must be in [0, 1), got " + fraction);
        }
        int[] order = rng.permutation(size());
        int held = (int) Math.round(fraction * size());
        int[] first = Arrays.copyOfRange(order, 0, size() - held);
        int[] second = Arrays.copyOfRange(order, size() - held, size());
        Arrays.sort(first);
        Arrays.sort(second);
        return new Dataset[] {subset(first), subset(second)};
    }
}
