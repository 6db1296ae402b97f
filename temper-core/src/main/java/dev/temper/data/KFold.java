package dev.temper.data;

import dev.temper.tensor.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * K-fold cross-validation splits: the examples are shuffled (seeded) and dealt into {@code k} validation folds, so
 * every example is validated on exactly once; fold {@code f} trains on the other {@code k - 1} folds.
 *
 * <p>Plain: fold sizes differ by at most one (like scikit-learn's {@code KFold(shuffle=True)}). Stratified (like
 * {@code StratifiedKFold}): each class's shuffled rows are dealt round-robin over the folds, the dealing carrying on
 * from fold to fold across classes, so every class's count per fold differs by at most one between folds and the
 * fold sizes too differ by at most one. Stratified folds need class-index targets {@code [n]}.
 */
public record KFold(int k, boolean stratified) {
    public KFold {
        if (k < 2) {
            throw new IllegalArgumentException("KFold k must be >= 2, got " + k);
        }
    }

    public static KFold plain(int k) {
        return new KFold(k, false);
    }

    public static KFold stratified(int k) {
        return new KFold(k, true);
    }

    /**
     * The {@code k} folds, in order.
     *
     * @param rng draws one permutation of all rows (plain) or one per class in increasing class order (stratified)
     */
    public List<Fold> split(Dataset data, Rng rng) {
        int n = data.size();
        if (n < k) {
            throw new IllegalArgumentException("KFold k=" + k + " needs at least k examples, got " + n);
        }
        int[] foldOf = new int[n];
        if (stratified) {
            int next = 0;
            for (int[] rows : ClassRows.byClass(data.targets(), "KFold (stratified)")) {
                int[] order = rng.permutation(rows.length);
                for (int i = 0; i < rows.length; i++) {
                    foldOf[rows[order[i]]] = next;
                    next = (next + 1) % k;
                }
            }
        } else {
            int[] order = rng.permutation(n);
            for (int i = 0; i < n; i++) {
                foldOf[order[i]] = (int) ((long) i * k / n); // contiguous runs of size floor or ceil of n / k
            }
        }
        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            int[] train = new int[n];
            int[] validation = new int[n];
            int t = 0;
            int v = 0;
            for (int i = 0; i < n; i++) {
                if (foldOf[i] == f) {
                    validation[v++] = i;
                } else {
                    train[t++] = i;
                }
            }
            folds.add(new Fold(f, Arrays.copyOf(train, t), Arrays.copyOf(validation, v)));
        }
        return folds;
    }
}
