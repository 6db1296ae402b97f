package dev.temper.metric;

import dev.temper.tensor.Tensor;
import java.util.Arrays;

/**
 * Area under the ROC curve of binary scores ({@code [batch]} or {@code [batch, 1]}, any monotone scale:
 * probabilities or logits) against 0/1 labels, exact: the Mann-Whitney statistic
 * {@code AUC = (R_pos - P (P + 1) / 2) / (P N)}, with {@code R_pos} the sum of the positives' ranks among all
 * scores, tied scores sharing their average rank. This is the probability that a random positive outscores a
 * random negative, ties counting one half, and equals sklearn's {@code roc_auc_score} (Hanley and McNeil 1982).
 *
 * <p>No sum of per-batch figures gives it, so the scores and labels of the epoch are kept ({@code 12} bytes a
 * sample). With no positive or no negative sample the area is undefined: the result is NaN (sklearn raises an
 * error). Name {@code roc_auc}.
 */
public final class RocAuc implements Metric {
    private double[] scores = new double[64];
    private boolean[] positive = new boolean[64];
    private int size;

    @Override
    public String name() {
        return "roc_auc";
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        double[] s = Inputs.binaryScores(name(), predictions);
        int[] labels = Inputs.binaryLabels(name(), targets, s.length);
        for (int i = 0; i < s.length; i++) {
            if (Double.isNaN(s[i])) {
                throw new IllegalArgumentException("roc_auc: prediction at row " + i + " is NaN");
            }
        }
        if (size + s.length > scores.length) {
            int capacity = Math.max(size + s.length, 2 * scores.length);
            scores = Arrays.copyOf(scores, capacity);
            positive = Arrays.copyOf(positive, capacity);
        }
        for (int i = 0; i < s.length; i++) {
            scores[size + i] = s[i];
            positive[size + i] = labels[i] == 1;
        }
        size += s.length;
    }

    @Override
    public double result() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRankSum = 0;
        long positives = 0;
        int start = 0;
        while (start < size) {
            int end = start;
            while (end + 1 < size && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double averageRank = (start + end) / 2.0 + 1; // ranks are 1-based
            for (int j = start; j <= end; j++) {
                if (positive[order[j]]) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = size - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    @Override
    public void reset() {
        size = 0;
    }

    @Override
    public Metric fresh() {
        return new RocAuc();
    }
}
