package dev.temper.data;

import dev.temper.tensor.Tensor;
import java.util.Arrays;

/** Row indices grouped by class, for stratified splits and folds (package-private helper). */
final class ClassRows {
    private ClassRows() {}

    /**
     * Rows of each class present, classes in increasing order, rows in increasing order within a class.
     *
     * @param targets class indices {@code [n]}: whole numbers >= 0
     */
    static int[][] byClass(Tensor targets, String what) {
        if (targets.rank() != 1) {
            throw new IllegalArgumentException(what + ": targets must be class indices of shape [n], got shape " + targets.shape());
        }
        int n = targets.dim(0);
        int[] labels = new int[n];
        int classes = 0;
        for (int i = 0; i < n; i++) {
            double v = targets.getFlat(i);
            if (!(v >= 0) || v != Math.rint(v) || v > Integer.MAX_VALUE - 1) {
                throw new IllegalArgumentException(what + ": targets must be whole class indices >= 0, got " + v + " at row " + i);
            }
            labels[i] = (int) v;
            classes = Math.max(classes, labels[i] + 1);
        }
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        int[][] rows = new int[classes][];
        for (int c = 0; c < classes; c++) {
            rows[c] = new int[counts[c]];
        }
        int[] filled = new int[classes];
        for (int i = 0; i < n; i++) {
            rows[labels[i]][filled[labels[i]]++] = i; // i increases, so each class's rows come out sorted
        }
        return Arrays.stream(rows).filter(r -> r.length > 0).toArray(int[][]::new);
    }
}
