package dev.temper.cli;

import dev.temper.train.EarlyStopping;
import dev.temper.train.EarlyStoppingReport;
import dev.temper.train.EpochRecord;
import dev.temper.train.Evaluation;
import dev.temper.train.History;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What a finished run prints and writes to {@code metrics.json}: the test figures and why training ended. */
final class RunReport {
    private RunReport() {}

    /**
     * One line when a callback stopped the run (after an epoch, or during one at a step, as TerminateOnNaN does), one
     * for early stopping's verdict (when it was on).
     */
    static void printStop(PrintStream out, History history, EarlyStopping earlyStopping) {
        if (history.stoppedEarly()) {
            EpochRecord last = history.last();
            out.println((last.cutShort() ? "stopped during epoch " + last.epoch() + " at step " + last.cutShortAtStep()
                    : "stopped after epoch " + last.epoch()) + ": " + history.stopReason());
        }
        if (earlyStopping != null) {
            EarlyStoppingReport r = earlyStopping.report();
            out.printf(Locale.ROOT, "early stopping: best epoch %d (%s %.4f)%s%n", r.bestEpoch(), r.monitor(),
                    r.bestValue(), r.weightsRestored() ? "; restored its weights" : "");
        }
    }

    static void printTest(PrintStream out, Evaluation result, double trainSeconds) {
        StringBuilder testMetrics = new StringBuilder();
        result.metrics().forEach((name, v) -> testMetrics.append(String.format(Locale.ROOT, ", %s %.4f", name, v)));
        out.printf(Locale.ROOT, "test: loss %.4f%s%s (%d examples); trained in %.1f s%n", result.loss(),
                Double.isNaN(result.accuracy()) ? "" : String.format(Locale.ROOT, ", accuracy %.2f%%", 100 * result.accuracy()),
                testMetrics, result.examples(), trainSeconds);
    }

    /**
     * The test figures, the last epoch's, how many epochs ran, why they stopped (and the step the last epoch was cut
     * short at, when a stop ended it early), and early stopping's report
     * (best epoch and value, stopped epoch, reason, whether the best weights were restored; the test figures are
     * then those of the restored weights). The caller adds the run's settings.
     */
    static Map<String, Object> metrics(Evaluation result, History history, EarlyStopping earlyStopping) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("test_accuracy", result.accuracy());
        metrics.put("test_loss", result.loss());
        metrics.put("test_examples", result.examples());
        result.metrics().forEach((name, v) -> metrics.put("test_" + name, v));
        EpochRecord last = history.last();
        metrics.put("final_train_loss", last.trainLoss());
        metrics.put("final_train_accuracy", last.trainAccuracy());
        metrics.put("final_val_loss", last.validationLoss());
        metrics.put("final_val_accuracy", last.validationAccuracy());
        metrics.put("epochs_run", history.epochs().size());
        metrics.put("stop_reason", history.stoppedEarly() ? history.stopReason() : null);
        metrics.put("cut_short_at_step", last.cutShort() ? last.cutShortAtStep() : null); // the last epoch's, by a stop
        if (earlyStopping != null) {
            EarlyStoppingReport r = earlyStopping.report();
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("monitor", r.monitor());
            report.put("best_epoch", r.bestEpoch());
            report.put("best_value", r.bestValue());
            report.put("stopped_epoch", r.stoppedEpoch());
            report.put("reason", r.reason());
            report.put("weights_restored", r.weightsRestored());
            metrics.put("early_stopping", report);
        }
        return metrics;
    }
}
