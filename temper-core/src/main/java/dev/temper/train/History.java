package dev.temper.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The per-epoch record of a training run. */
public final class History {
    private final List<EpochRecord> epochs = new ArrayList<>();

    void add(EpochRecord record) {
        epochs.add(record);
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

    /**
     * CSV with a header row; numbers in full precision (shortest round-trip form), NaN as empty. {@code train_loss}
     * and {@code val_loss} are data losses; {@code train_penalty} is the regularization penalty and
     * {@code train_total_loss} their sum (see {@link EpochRecord}); one more column per penalty term,
     * {@code penalty_<term>}, follows {@code seconds} when the run has penalty terms, then one per metric
     * ({@code <name>} on the training batches, {@code val_<name>} on the validation set).
     */
    public String toCsv() {
        List<String> terms = epochs.isEmpty() ? List.of() : List.copyOf(epochs.get(0).penaltyTerms().keySet());
        List<String> metrics = epochs.isEmpty() ? List.of() : List.copyOf(epochs.get(0).metrics().keySet());
        StringBuilder sb = new StringBuilder("epoch,train_loss,train_penalty,train_total_loss,train_accuracy,val_loss,val_accuracy,seconds");
        for (String term : terms) {
            sb.append(",penalty_").append(term);
        }
        for (String metric : metrics) {
            sb.append(',').append(metric);
        }
        sb.append('\n');
        for (EpochRecord r : epochs) {
            sb.append(r.epoch()).append(',')
                    .append(number(r.trainLoss())).append(',')
                    .append(number(r.trainPenalty())).append(',')
                    .append(number(r.trainTotalLoss())).append(',')
                    .append(number(r.trainAccuracy())).append(',')
                    .append(number(r.validationLoss())).append(',')
                    .append(number(r.validationAccuracy())).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", r.seconds()));
            for (String term : terms) {
                sb.append(',').append(number(r.penaltyTerms().getOrDefault(term, Double.NaN)));
            }
            for (String metric : metrics) {
                sb.append(',').append(number(r.metrics().getOrDefault(metric, Double.NaN)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
