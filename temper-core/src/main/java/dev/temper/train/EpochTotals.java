package dev.temper.train;

import dev.temper.data.Batch;
import dev.temper.metric.Accuracy;
import dev.temper.metric.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The running sums of one training epoch (weighted by batch size), turned into its {@link EpochRecord} at the end. */
final class EpochTotals {
    private final boolean classification;
    private final List<Metric> templates;
    private final List<Metric> metrics = new ArrayList<>();
    private final Map<String, Double> termSums = new LinkedHashMap<>();
    private double lossSum;
    private double penaltySum;
    private long correct;
    private long seen;

    /** @param templates the trainer's metrics; fresh copies measure the training batches */
    EpochTotals(boolean classification, List<Metric> templates) {
        this.classification = classification;
        this.templates = templates;
        for (Metric m : templates) {
            metrics.add(m.fresh());
        }
    }

    void add(Batch batch, TrainingStep.Result step) {
        int n = batch.size();
        lossSum += step.batchLoss() * n;
        penaltySum += step.penalty() * n;
        for (Map<String, Double> terms : step.terms()) {
            for (Map.Entry<String, Double> t : terms.entrySet()) {
                termSums.merge(t.getKey(), t.getValue() * n, Double::sum);
            }
        }
        if (classification) {
            correct += Accuracy.correct(step.output(), batch.targets());
        }
        for (Metric m : metrics) {
            m.update(step.output(), batch.targets());
        }
        seen += n;
    }

    /**
     * The epoch's record: means over the examples trained, the validation figures ({@code validation} null when
     * there is none), and each metric by name, then by {@code val_} name.
     *
     * @param cutShortAtStep the step a stop ended the epoch at, or 0 when it trained all its batches
     */
    EpochRecord record(int epoch, Evaluation validation, double seconds, long cutShortAtStep) {
        double examples = seen;
        Map<String, Double> terms = new LinkedHashMap<>(termSums);
        terms.replaceAll((term, sum) -> sum / examples);
        Map<String, Double> metricValues = new LinkedHashMap<>();
        for (Metric m : metrics) {
            metricValues.put(m.name(), m.result());
        }
        for (Metric m : templates) {
            metricValues.put("val_" + m.name(), validation == null ? Double.NaN : validation.metrics().get(m.name()));
        }
        return new EpochRecord(epoch, lossSum / seen, penaltySum / seen,
                classification ? (double) correct / seen : Double.NaN,
                validation == null ? Double.NaN : validation.loss(),
                validation == null ? Double.NaN : validation.accuracy(), seconds, terms, metricValues, cutShortAtStep);
    }
}
