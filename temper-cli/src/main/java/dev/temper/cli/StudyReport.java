package dev.temper.cli;

import dev.temper.report.Charts;
import dev.temper.report.Curve;
import dev.temper.report.HtmlPage;
import dev.temper.study.EpochFigures;
import dev.temper.study.Quantity;
import dev.temper.study.RegimeSummary;
import dev.temper.study.RunResult;
import dev.temper.study.StudyResult;
import dev.temper.study.WeightSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * {@code report.html} of a study: what the study found in one sentence, the tables, learning curves per regime
 * (clean training loss and validation loss, mean with a band of one standard deviation over seeds), the
 * generalization gap (final, and epoch by epoch), weight histograms per regime, and what is needed to reproduce it.
 * Regime {@code i} has the same colour in every chart.
 */
final class StudyReport {
    /** Everything about the study's origin that the results alone do not say. */
    record Provenance(String command, String configurationName, String configuration, List<String> versions) {}

    private static final int SMALL_WIDTH = 370;
    private static final int SMALL_HEIGHT = 250;
    private static final int HISTOGRAM_BINS = 81;

    private StudyReport() {}

    static HtmlPage page(StudyResult result, String dataDescription, Provenance provenance) {
        List<RegimeSummary> summaries = result.summaries();
        String lead = dataDescription + "; " + result.regimes().size() + " regimes x " + result.seeds().size()
                + " seeds; " + result.runs().size() + " of " + result.plannedRuns() + " runs finished"
                + (result.complete() ? "." : " (interrupted: run the same command again to resume).");
        HtmlPage page = new HtmlPage("temper study: which regularization closes the generalization gap", lead);
        page.heading("What it shows", "findings");
        for (String line : StudyFindings.of(result)) {
            page.paragraph(line);
        }
        page.heading("Results", "results");
        for (StudyTables.Table t : StudyTables.of(result)) {
            page.paragraph(t.title());
            page.table(t.header(), t.rows());
        }
        if (summaries.isEmpty()) {
            page.paragraph("No run has finished yet.");
            return reproduce(page, result, provenance);
        }
        learningCurves(page, result, summaries);
        gap(page, result, summaries);
        histograms(page, result, summaries);
        return reproduce(page, result, provenance);
    }

    static void write(Path file, StudyResult result, String dataDescription, Provenance provenance) {
        page(result, dataDescription, provenance).write(file);
    }

    private static void learningCurves(HtmlPage page, StudyResult result, List<RegimeSummary> summaries) {
        page.heading("Learning curves", "curves");
        page.paragraph("Training loss (solid; the whole training set re-evaluated after each epoch in inference mode, "
                + "so dropout and augmentation do not inflate it) and validation loss (dashed), mean over seeds "
                + "with a band of one standard deviation; log scale, the same for every regime.");
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (RegimeSummary s : summaries) {
            for (RunResult r : s.runs()) {
                for (EpochFigures e : r.history()) {
                    for (double v : new double[] {e.trainEvalLoss(), e.validationLoss()}) {
                        if (v > 0 && Double.isFinite(v)) {
                            lo = Math.min(lo, v);
                            hi = Math.max(hi, v);
                        }
                    }
                }
            }
        }
        double yMin = lo == Double.POSITIVE_INFINITY ? Double.NaN : lo / 1.3;
        double yMax = hi == 0 ? Double.NaN : hi * 1.3;
        for (RegimeSummary s : summaries) {
            int color = colorOf(result, s.regime());
            List<Curve> curves = List.of(band("train", s.runs(), EpochFigures::trainEvalLoss),
                    band("validation", s.runs(), EpochFigures::validationLoss).asDashed());
            page.figure(Charts.lines(s.regime(), "epoch", "loss", curves, new int[] {color, color}, true, yMin, yMax,
                    SMALL_WIDTH, SMALL_HEIGHT), s.description());
        }
        List<Curve> all = new ArrayList<>();
        int[] colors = new int[summaries.size()];
        for (int i = 0; i < summaries.size(); i++) {
            all.add(band(summaries.get(i).regime(), summaries.get(i).runs(), EpochFigures::validationLoss));
            colors[i] = colorOf(result, summaries.get(i).regime());
        }
        page.figure(Charts.lines("validation loss, every regime", "epoch", "validation loss", all, colors, false,
                760, 380), "Validation loss of every regime together (mean over seeds, band: one standard deviation).");
    }

    private static void gap(HtmlPage page, StudyResult result, List<RegimeSummary> summaries) {
        page.heading("Generalization gap", "gap");
        page.paragraph("Final training accuracy minus final test accuracy, in points (error bars: one standard "
                + "deviation over seeds), beside the test accuracy itself: a regime helps when it shrinks the gap "
                + "without giving up test accuracy.");
        List<String> names = summaries.stream().map(RegimeSummary::regime).toList();
        page.figure(bars("generalization gap", "points", names, summaries, Quantity.GENERALIZATION_GAP, Double.NaN),
                null);
        double lowest = summaries.stream().mapToDouble(x -> x.mean(Quantity.FINAL_TEST_ACCURACY)).min().orElse(0);
        int from = (int) Math.max(0, Math.floor(100 * lowest) - 5); // close accuracies must differ visibly
        page.figure(bars("test accuracy", "percent (axis from " + from + ")", names, summaries,
                Quantity.FINAL_TEST_ACCURACY, from), null);
        List<Curve> curves = new ArrayList<>();
        int[] colors = new int[summaries.size()];
        for (int i = 0; i < summaries.size(); i++) {
            curves.add(band(summaries.get(i).regime(), summaries.get(i).runs(),
                    e -> 100 * (e.trainEvalAccuracy() - e.testAccuracy())));
            colors[i] = colorOf(result, summaries.get(i).regime());
        }
        page.figure(Charts.lines("gap during training", "epoch", "train - test accuracy (points)", curves, colors,
                false, 760, 380), "The gap after every epoch (training set re-evaluated in inference mode).");
    }

    private static dev.temper.report.Svg bars(String title, String unit, List<String> names,
                                              List<RegimeSummary> summaries, Quantity q, double yMin) {
        double[] mean = new double[summaries.size()];
        double[] std = new double[summaries.size()];
        for (int i = 0; i < summaries.size(); i++) {
            mean[i] = 100 * summaries.get(i).get(q).mean();
            double s = summaries.get(i).get(q).std();
            std[i] = Double.isNaN(s) ? 0 : 100 * s;
        }
        return Charts.bars(title, unit, names, List.of(title), List.of(mean), List.of(std), yMin, 560, 340);
    }

    private static void histograms(HtmlPage page, StudyResult result, List<RegimeSummary> summaries) {
        page.heading("Weights", "weights");
        double limit = 0;
        for (RegimeSummary s : summaries) {
            limit = Math.max(limit, pooled(s).absoluteQuantile(0.999));
        }
        limit = niceLimit(limit * 1.05);
        page.paragraph(String.format(Locale.ROOT, "Every weight of the final models (all seeds pooled), %d bins over "
                + "[-%s, %s] (99.9%% of the weights of every regime; the few beyond are counted in the end bins), "
                + "log scale: L1 piles weights up at exactly zero, L2 and weight decay pull the distribution in.",
                HISTOGRAM_BINS, (float) limit, (float) limit));
        for (RegimeSummary s : summaries) {
            WeightSummary w = pooled(s);
            String caption = String.format(Locale.ROOT, "%s: weight L2 norm %s, %s%% exactly zero", s.regime(),
                    StudyTables.cell(Quantity.WEIGHT_L2_NORM, s.get(Quantity.WEIGHT_L2_NORM)),
                    StudyTables.cell(Quantity.WEIGHT_ZERO_FRACTION, s.get(Quantity.WEIGHT_ZERO_FRACTION)));
            page.figure(Charts.histogramOfCounts(s.regime(), "weight", w.rebinned(limit, HISTOGRAM_BINS), -limit, limit,
                    colorOf(result, s.regime()), true, SMALL_WIDTH, SMALL_HEIGHT), caption);
        }
    }

    /** The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten that is at least {@code v}: round ticks. */
    static double niceLimit(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(Math.max(v, 2 * WeightSummary.BIN_WIDTH))));
        for (double m : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * decade >= v) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    private static WeightSummary pooled(RegimeSummary s) {
        return WeightSummary.pooled(s.runs().stream().map(RunResult::weights).toList());
    }

    private static HtmlPage reproduce(HtmlPage page, StudyResult result, Provenance provenance) {
        page.heading("Reproduce", "reproduce");
        page.paragraph("Run this command again: finished runs are read from the run directories, missing ones are "
                + "trained. The same configuration, seeds and thread count give the same figures, bit for bit "
                + "(all but the seconds).");
        page.preformatted(provenance.command());
        page.paragraph("Seeds " + result.seeds() + "; every run's history.csv, metrics.json and weights.csv are under "
                + "runs/<regime>/seed-<k>/; results.csv and results.json hold the tables in full precision.");
        List<List<String>> rows = new ArrayList<>();
        for (var r : result.regimes()) {
            rows.add(List.of(r.name(), r.description()));
        }
        page.table(List.of("regime", "what it changes"), rows);
        page.paragraph("Versions: " + String.join("; ", provenance.versions()) + ".");
        page.paragraph("Configuration (" + provenance.configurationName() + "):");
        page.preformatted(provenance.configuration());
        return page;
    }

    /** Mean and one standard deviation over the runs, epoch by epoch (over the runs that reached the epoch). */
    static Curve band(String name, List<RunResult> runs, ToDoubleFunction<EpochFigures> figure) {
        int epochs = runs.stream().mapToInt(r -> r.history().size()).max().orElse(0);
        double[] x = new double[epochs];
        double[] mean = new double[epochs];
        double[] std = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            x[e] = e + 1;
            double sum = 0;
            int n = 0;
            for (RunResult r : runs) {
                if (e < r.history().size()) {
                    sum += figure.applyAsDouble(r.history().get(e));
                    n++;
                }
            }
            mean[e] = sum / n;
            double squares = 0;
            for (RunResult r : runs) {
                if (e < r.history().size()) {
                    double d = figure.applyAsDouble(r.history().get(e)) - mean[e];
                    squares += d * d;
                }
            }
            std[e] = n > 1 ? Math.sqrt(squares / (n - 1)) : Double.NaN;
        }
        return Curve.withBand(name, x, mean, std);
    }

    private static int colorOf(StudyResult result, String regime) {
        for (int i = 0; i < result.regimes().size(); i++) {
            if (result.regimes().get(i).name().equals(regime)) {
                return i;
            }
        }
        return 0;
    }
}
