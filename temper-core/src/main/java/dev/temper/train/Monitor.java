package dev.temper.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A quantity of the {@link EpochRecord} watched by a callback, and the direction in which it improves.
 *
 * <p>Names, as in the history's CSV: {@code loss} and {@code val_loss} (data losses), {@code total_loss} (data
 * loss plus penalty: the objective; Keras's {@code loss} includes penalties, ours does not, see
 * {@link EpochRecord}), {@code penalty}, {@code penalty_<term>}, {@code accuracy}, {@code val_accuracy}, and every
 * metric key ({@code <name>}, {@code val_<name>}).
 *
 * <p>{@link MonitorMode#AUTO} maximizes a quantity whose name (without {@code val_}, {@code macro_},
 * {@code micro_}) contains "acc" (Keras 2's rule) or is a known higher-is-better metric (auc, roc_auc, r2, f1,
 * precision, recall), and minimizes everything else. Keras 3 instead asks the metric object for its direction and
 * refuses names it cannot place; ours places every name, so the direction of an unknown metric is MIN by rule.
 */
public record Monitor(String name, boolean higherIsBetter) {
    private static final Set<String> HIGHER_IS_BETTER = Set.of("auc", "roc_auc", "r2", "f1", "precision", "recall");

    public Monitor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Monitor: name must be a non-empty quantity name, got '" + name + "'");
        }
    }

    /** {@code name} watched in direction {@code mode} (AUTO resolved by name). */
    public static Monitor of(String name, MonitorMode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("Monitor: mode must be MIN, MAX or AUTO, got null");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Monitor: name must be a non-empty quantity name, got '" + name + "'");
        }
        return new Monitor(name, switch (mode) {
            case MIN -> false;
            case MAX -> true;
            case AUTO -> higherIsBetterByName(name);
        });
    }

    static boolean higherIsBetterByName(String name) {
        String base = name.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"val_", "macro_", "micro_"}) {
            if (base.startsWith(prefix)) {
                base = base.substring(prefix.length());
            }
        }
        return base.contains("acc") || HIGHER_IS_BETTER.contains(base);
    }

    /** The mode that {@link #of} resolved to. */
    public MonitorMode mode() {
        return higherIsBetter ? MonitorMode.MAX : MonitorMode.MIN;
    }

    /** The quantity's value in {@code record} (NaN where it was not measured, e.g. val_loss without validation). */
    public double value(EpochRecord record) {
        switch (name) {
            case "loss": return record.trainLoss();
            case "val_loss": return record.validationLoss();
            case "total_loss": return record.trainTotalLoss();
            case "penalty": return record.trainPenalty();
            case "accuracy": return record.trainAccuracy();
            case "val_accuracy": return record.validationAccuracy();
            default: break;
        }
        Double metric = record.metrics().get(name);
        if (metric != null) {
            return metric;
        }
        if (name.startsWith("penalty_")) {
            Double term = record.penaltyTerms().get(name.substring("penalty_".length()));
            if (term != null) {
                return term;
            }
        }
        List<String> known = new ArrayList<>(List.of("loss", "val_loss", "total_loss", "penalty", "accuracy", "val_accuracy"));
        record.penaltyTerms().keySet().forEach(t -> known.add("penalty_" + t));
        known.addAll(record.metrics().keySet());
        throw new IllegalArgumentException("Monitor: monitored quantity '" + name + "' is not in the epoch record; "
                + "expected one of " + known);
    }

    /** Whether {@code value} beats {@code reference} by more than {@code minDelta} (>= 0) in this direction. */
    boolean improves(double value, double reference, double minDelta) {
        return higherIsBetter ? value - minDelta > reference : value + minDelta < reference;
    }
}
