package dev.temper.study;

import java.util.List;

/**
 * A finished run: its history, the figures of the model it ended with, its weights, and how long it took.
 *
 * @param history one row per epoch trained
 * @param last the figures of the final model (after early stopping restored the best weights, if it did)
 * @param bestEpoch the epoch, from 1, with the best value of the study's selection column
 * @param stopReason why a callback ended the run early, or empty when it ran all its epochs
 */
public record RunResult(RunKey key, List<EpochFigures> history, Figures last, int bestEpoch, WeightSummary weights,
                        double wallSeconds, String stopReason) {
    public RunResult {
        if (history == null || history.isEmpty()) {
            throw new IllegalArgumentException("RunResult " + key + ": history must hold at least one epoch");
        }
        history = List.copyOf(history);
        if (bestEpoch < 1 || bestEpoch > history.size()) {
            throw new IllegalArgumentException("RunResult " + key + ": bestEpoch must be in 1.." + history.size()
                    + ", got " + bestEpoch);
        }
        if (stopReason == null) {
            throw new IllegalArgumentException("RunResult " + key + ": stopReason must not be null (empty for none)");
        }
    }

    /** The history row of the best epoch. */
    public EpochFigures best() {
        return history.get(bestEpoch - 1);
    }

    /** The epoch, from 1, with the best value of {@code column} (the first of equals); NaN values never win. */
    static int bestEpoch(List<EpochFigures> history, String column, boolean higherIsBetter) {
        int best = 1;
        double bestValue = Double.NaN;
        for (EpochFigures e : history) {
            double v = e.value(column);
            if (Double.isNaN(v)) {
                continue;
            }
            if (Double.isNaN(bestValue) || (higherIsBetter ? v > bestValue : v < bestValue)) {
                bestValue = v;
                best = e.epoch();
            }
        }
        return best;
    }

    /** The value of {@code q} for this run. */
    public double value(Quantity q) {
        Figures b = Figures.of(best());
        return switch (q) {
            case FINAL_TRAIN_LOSS -> last.trainLoss();
            case FINAL_TRAIN_ACCURACY -> last.trainAccuracy();
            case FINAL_VALIDATION_LOSS -> last.validationLoss();
            case FINAL_VALIDATION_ACCURACY -> last.validationAccuracy();
            case FINAL_TEST_LOSS -> last.testLoss();
            case FINAL_TEST_ACCURACY -> last.testAccuracy();
            case BEST_TRAIN_LOSS -> b.trainLoss();
            case BEST_TRAIN_ACCURACY -> b.trainAccuracy();
            case BEST_VALIDATION_LOSS -> b.validationLoss();
            case BEST_VALIDATION_ACCURACY -> b.validationAccuracy();
            case BEST_TEST_LOSS -> b.testLoss();
            case BEST_TEST_ACCURACY -> b.testAccuracy();
            case GENERALIZATION_GAP -> last.trainAccuracy() - last.testAccuracy();
            case BEST_EPOCH -> bestEpoch;
            case EPOCHS_RUN -> history.size();
            case WEIGHT_L2_NORM -> weights.l2Norm();
            case WEIGHT_ZERO_FRACTION -> weights.zeroFraction();
            case WALL_SECONDS -> wallSeconds;
        };
    }
}
