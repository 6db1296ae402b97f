package dev.temper.cli;

import dev.temper.cli.config.Json;
import dev.temper.cli.config.CallbackKind;
import dev.temper.cli.config.CrossValidationConfig;
import dev.temper.cli.config.TrainConfig;
import dev.temper.data.Dataset;
import dev.temper.data.FoldSummary;
import dev.temper.data.KFold;
import dev.temper.io.AtomicWrite;
import dev.temper.nn.Sequential;
import dev.temper.tensor.Backend;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import dev.temper.train.CrossValidation;
import dev.temper.train.EarlyStoppingReport;
import dev.temper.train.Evaluation;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code temper train} with {@code cross_validation:}: the library's {@link CrossValidation} over the training set
 * (the test set stays untouched), one fresh model per fold built from the run file, then per-fold figures and
 * their mean ± sample std, printed and written to {@code DIR/cross_validation.csv} and {@code DIR/metrics.json}.
 *
 * <p>Standardized CSV features are standardized per fold, with the statistics of the fold's training rows
 * ({@link TrainingData#crossValidationPool}), as a scikit-learn pipeline inside {@code cross_val_score} would.
 */
final class CrossValidationRun {
    private CrossValidationRun() {}

    /**
     * @param train the training set, its targets in the loss's form
     * @param classLabels the training set's class indices {@code [n]} (the strata), or null for numeric labels
     */
    static int run(TrainConfig config, Task task, TrainingData data, Dataset train, Tensor classLabels, Rng rng,
                   Path dir, int threads, PrintStream out, boolean interactive) throws IOException {
        CrossValidationConfig cv = config.crossValidation();
        if (cv.stratified() && classLabels == null) {
            throw new UsageException("train: stratified folds need class labels, and this run's labels are numbers; "
                    + "set cross_validation.stratified: false");
        }
        if (train.size() < cv.folds()) {
            throw new UsageException("train: " + cv.folds() + " folds need at least " + cv.folds()
                    + " training examples, got " + train.size());
        }
        out.printf(Locale.ROOT, "cross-validation: %d %sfolds of %d training examples (the %d test examples are not used)%n",
                cv.folds(), cv.stratified() ? "stratified " : "", train.size(), data.test().size());
        Files.createDirectories(dir);
        List<TrainingSetup> setups = new ArrayList<>();
        long start = System.nanoTime();
        // each fold trains on all but about a K-th of the set: the length a per-step schedule is built for
        int foldTrainSize = train.size() - (train.size() + cv.folds() - 1) / cv.folds();
        TrainingData.CrossValidationPool pool = data.crossValidationPool(train, false);
        CrossValidation.Result result = CrossValidation.run(pool.rows(), cv.stratified() ? classLabels : train.targets(),
                new KFold(cv.folds(), cv.stratified()), config.epochs(), config.batchSize(), rng, pool.preprocessing(), foldRng -> {
                    int fold = setups.size() + 1;
                    out.printf(Locale.ROOT, "fold %d/%d%n", fold, cv.folds());
                    Sequential model = ModelBuilder.model(config.layers(), data.inputs(), foldRng);
                    TrainingSetup setup = TrainingSetup.build(config, model, task, data.imageShape(), foldTrainSize,
                            foldDirectory(config, dir, fold));
                    if (fold == 1) {
                        setup.warnings().forEach(warning -> out.println("warning: " + warning));
                    }
                    setups.add(setup);
                    return setup.displayedOn(out, interactive, List.of());
                });
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, FoldSummary> summaries = summaries(result.folds());
        for (int i = 0; i < result.folds().size(); i++) {
            out.println("fold " + (i + 1) + ": " + figures(result.folds().get(i)));
        }
        StringBuilder mean = new StringBuilder();
        summaries.forEach((name, s) -> mean.append(mean.length() == 0 ? "" : ", ").append(name).append(' ').append(s.format()));
        out.printf(Locale.ROOT, "mean \u00b1 std over %d folds: %s; %.1f s in all%n", cv.folds(), mean, seconds);

        AtomicWrite.writeString(dir.resolve("cross_validation.csv"), csv(result.folds(), summaries));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("cross_validation", report(cv, result.folds(), summaries, setups));
        metrics.put("epochs", config.epochs());
        metrics.put("train_seconds", seconds);
        metrics.put("seed", config.seed());
        metrics.put("threads", threads);
        metrics.put("gemm", Backend.blas().name());
        AtomicWrite.writeString(dir.resolve("metrics.json"), Json.object(metrics));
        out.println("wrote " + dir.resolve("cross_validation.csv") + " and " + dir.resolve("metrics.json"));
        return 0;
    }

    /** {@code DIR/fold-K}, made only when a callback writes into it (the CSV logger). */
    private static Path foldDirectory(TrainConfig config, Path dir, int fold) {
        Path foldDir = dir.resolve("fold-" + fold);
        if (config.callback(CallbackKind.CSV_LOGGER) != null) {
            try {
                Files.createDirectories(foldDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + foldDir, e);
            }
        }
        return foldDir;
    }

    /** Loss, accuracy (when measured) and each metric, by name, one value per fold. */
    private static Map<String, double[]> byName(List<Evaluation> folds) {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (int i = 0; i < folds.size(); i++) {
            Evaluation e = folds.get(i);
            values.computeIfAbsent("loss", k -> new double[folds.size()])[i] = e.loss();
            if (!Double.isNaN(e.accuracy())) {
                values.computeIfAbsent("accuracy", k -> new double[folds.size()])[i] = e.accuracy();
            }
            for (Map.Entry<String, Double> m : e.metrics().entrySet()) {
                values.computeIfAbsent(m.getKey(), k -> new double[folds.size()])[i] = m.getValue();
            }
        }
        return values;
    }

    private static Map<String, FoldSummary> summaries(List<Evaluation> folds) {
        Map<String, FoldSummary> out = new LinkedHashMap<>();
        byName(folds).forEach((name, values) -> out.put(name, FoldSummary.of(values)));
        return out;
    }

    private static String figures(Evaluation e) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "loss %.4f", e.loss()));
        if (!Double.isNaN(e.accuracy())) {
            sb.append(String.format(Locale.ROOT, ", accuracy %.4f", e.accuracy()));
        }
        e.metrics().forEach((name, v) -> sb.append(String.format(Locale.ROOT, ", %s %.4f", name, v)));
        return sb.append(String.format(Locale.ROOT, " (%d examples)", e.examples())).toString();
    }

    /** One row per fold, then a mean and a std row; numbers in full precision. */
    private static String csv(List<Evaluation> folds, Map<String, FoldSummary> summaries) {
        StringBuilder sb = new StringBuilder("fold,examples," + String.join(",", summaries.keySet()) + "\n");
        for (int i = 0; i < folds.size(); i++) {
            sb.append(i + 1).append(',').append(folds.get(i).examples());
            for (FoldSummary s : summaries.values()) {
                sb.append(',').append(s.values()[i]);
            }
            sb.append('\n');
        }
        for (String row : List.of("mean", "std")) {
            sb.append(row).append(',');
            for (FoldSummary s : summaries.values()) {
                sb.append(',').append(row.equals("mean") ? s.mean() : s.std());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static Map<String, Object> report(CrossValidationConfig cv, List<Evaluation> folds,
                                              Map<String, FoldSummary> summaries, List<TrainingSetup> setups) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("folds", cv.folds());
        report.put("stratified", cv.stratified());
        summaries.forEach((name, s) -> {
            report.put(name + "_mean", s.mean());
            report.put(name + "_std", s.std());
        });
        List<Object> perFold = new ArrayList<>();
        for (int i = 0; i < folds.size(); i++) {
            Map<String, Object> fold = new LinkedHashMap<>();
            fold.put("fold", i + 1);
            fold.put("examples", folds.get(i).examples());
            int row = i;
            summaries.forEach((name, s) -> fold.put(name, s.values()[row]));
            if (setups.get(i).earlyStopping() != null) {
                EarlyStoppingReport r = setups.get(i).earlyStopping().report();
                fold.put("best_epoch", r.bestEpoch());
                fold.put("stopped_epoch", r.stoppedEpoch());
            }
            perFold.add(fold);
        }
        report.put("per_fold", perFold);
        return report;
    }
}
