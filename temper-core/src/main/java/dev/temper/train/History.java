package dev.temper.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The per-epoch record of a training run, and why it ended. */
public final class History {
    private final List<EpochRecord> epochs = new ArrayList<>();
    private String stopReason = "";

    void add(EpochRecord record) {
        epochs.add(record);
    }

    void stoppedBecause(String reason) {
        stopReason = reason;
    }

    public List<EpochRecord> epochs() {
        return List.copyOf(epochs);
    }

    public EpochRecord last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("history is empty: no epoch has finished");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** Whether a callback stopped the run before its last planned epoch. */
    public boolean stoppedEarly() {
        return !stopReason.isEmpty();
    }

    /** The reason the callback that stopped the run gave (the first one, if several asked), or empty. */
    public String stopReason() {
        return stopReason;
    }

    /**
     * CSV with a header row; numbers in full precision (shortest round-trip form), NaN as empty. {@code train_loss}
     * and {@code val_loss} are data losses; {@code train_penalty} is the regularization penalty and
     * {@code train_total_loss} their sum (see {@link EpochRecord}); one more column per penalty term,
     * {@code penalty_<term>}, follows {@code seconds} when the run has penalty terms, then one per metric
     * ({@code <name>} on the training batches, {@code val_<name>} on the validation set).
     */
    public String toCsv() {
        if (epochs.isEmpty()) {
            return csvHeader(null);
        }
        EpochRecord first = epochs.get(0);
        StringBuilder sb = new StringBuilder(csvHeader(first));
        for (EpochRecord r : epochs) {
            sb.append(csvRow(r, first));
        }
        return sb.toString();
    }

    /** The CSV header line (with its newline) for a run whose first epoch is {@code first} (null: no epochs). */
    static String csvHeader(EpochRecord first) {
        StringBuilder sb = new StringBuilder("epoch,train_loss,train_penalty,train_total_loss,train_accuracy,val_loss,val_accuracy,seconds");
        if (first != null) {
            for (String term : first.penaltyTerms().keySet()) {
                sb.append(",penalty_").append(term);
            }
            for (String metric : first.metrics().keySet()) {
                sb.append(',').append(metric);
            }
        }
        return sb.append('\n').toString();
    }

    /** One CSV line (with its newline) for {@code r}, its extra columns those of the run's first epoch. */
    static String csvRow(EpochRecord r, EpochRecord first) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.epoch()).append(',')
                .append(number(r.trainLoss())).append(',')
                .append(number(r.trainPenalty())).append(',')
                .append(number(r.trainTotalLoss())).append(',')
                .append(number(r.trainAccuracy())).append(',')
                .append(number(r.validationLoss())).append(',')
                .append(number(r.validationAccuracy())).append(',')
                .append(String.format(Locale.ROOT, "%.3f", r.seconds()));
        for (String term : first.penaltyTerms().keySet()) {
            sb.append(',').append(number(r.penaltyTerms().getOrDefault(term, Double.NaN)));
        }
        for (String metric : first.metrics().keySet()) {
            sb.append(',').append(number(r.metrics().getOrDefault(metric, Double.NaN)));
        }
        return sb.append('\n').toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
