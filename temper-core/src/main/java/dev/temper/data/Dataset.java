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

    /**
     * A seeded stratified split: within each class, {@code round(fraction * classSize)} randomly chosen examples go
     * to the second part and the rest to the first, so each class keeps its share in both parts (as scikit-learn's
     * {@code train_test_split(..., stratify=y)} intends; rounding is per class, so the second part's total can
     * differ from {@code round(fraction * size)} by up to one example per class). Rows keep dataset order.
     *
     * @param fraction in [0, 1)
     * @param rng draws one permutation per class, classes in increasing order
     */
    public Dataset[] stratifiedSplit(double fraction, Rng rng) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("stratifiedSplit fraction must be in [0, 1), got " + fraction);
        }
        int[][] byClass = ClassRows.byClass(targets, "stratifiedSplit");
        int[] first = new int[size()];
        int[] second = new int[size()];
        int firstCount = 0;
        int secondCount = 0;
        for (int[] rows : byClass) {
            int[] order = rng.permutation(rows.length);
            int held = (int) Math.round(fraction * rows.length);
            for (int i = 0; i < rows.length; i++) {
                if (i < rows.length - held) {
                    first[firstCount++] = rows[order[i]];
                } else {
                    second[secondCount++] = rows[order[i]];
                }
            }
        }
        first = Arrays.copyOf(first, firstCount);
        second = Arrays.copyOf(second, secondCount);
        Arrays.sort(first);
        Arrays.sort(second);
        return new Dataset[] {subset(first), subset(second)};
    }
}
