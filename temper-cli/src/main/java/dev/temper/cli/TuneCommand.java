package dev.temper.cli;

import dev.temper.cli.config.Json;
import dev.temper.cli.config.ConfigException;
import dev.temper.cli.config.PrunerKind;
import dev.temper.cli.config.TrainConfig;
import dev.temper.cli.config.TuneConfig;
import dev.temper.cli.config.TuneConfigParser;
import dev.temper.data.KFold;
import dev.temper.io.AtomicWrite;
import dev.temper.report.TuneReport;
import dev.temper.tensor.Backend;
import dev.temper.tensor.Parallel;
import dev.temper.tensor.Rng;
import dev.temper.train.Evaluation;
import dev.temper.train.MonitorMode;
import dev.temper.train.Monitor;
import dev.temper.train.Trainer;
import dev.temper.tune.Asha;
import dev.temper.tune.CostEstimate;
import dev.temper.tune.CrossValidatedObjective;
import dev.temper.tune.Direction;
import dev.temper.tune.GaussianProcessSearch;
import dev.temper.tune.GridSearch;
import dev.temper.tune.Hyperband;
import dev.temper.tune.JournalException;
import dev.temper.tune.Leaderboard;
import dev.temper.tune.MedianStoppingPruner;
import dev.temper.tune.Objective;
import dev.temper.tune.Pruner;
import dev.temper.tune.RandomSearch;
import dev.temper.tune.Strategy;
import dev.temper.tune.Study;
import dev.temper.tune.StudyResult;
import dev.temper.tune.TrainingObjective;
import dev.temper.tune.TreeParzenEstimator;
import dev.temper.tune.Trial;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code temper tune [CONFIG.yaml] [--out DIR] [--resume] [--parallel N] [--threads N]}: runs a hyperparameter
 * search over a run file, printing its cost first, then one line per finished job and a leaderboard; writes
 * {@code DIR/journal.jsonl} (the study, resumable), {@code DIR/trials.csv}, {@code DIR/report.html} and
 * {@code DIR/best.json}.
 */
final class TuneCommand {
    static final String USAGE = "temper tune [CONFIG.yaml] [--out DIR] [--resume] [--parallel N] [--threads N]";
    static final String DEFAULT_RESOURCE = "default-tune.yaml";

    private TuneCommand() {}

    static int run(List<String> args, PrintStream out) throws IOException {
        Arguments a = Arguments.parse("tune", args, Set.of("--out", "--parallel", "--threads"), Set.of("--resume"));
        if (a.positional().size() > 1) {
            throw new UsageException("tune: expected at most one tune file, got " + a.positional() + "; usage: " + USAGE);
        }
        TuneConfig config = a.positional().isEmpty() ? defaultConfig() : TuneConfigParser.parse(Path.of(a.positional().get(0)));
        boolean resume = a.flag("--resume");
        if (resume && a.option("--out") == null) {
            throw new UsageException("tune: --resume needs --out DIR, the directory of the study to resume");
        }
        Path dir = a.option("--out") != null ? Path.of(a.option("--out")) : StampedDirectory.under("tunes");
        Path journal = dir.resolve("journal.jsonl");
        if (resume && !Files.exists(journal)) {
            throw new UsageException("tune: nothing to resume: " + journal + " does not exist");
        }
        int parallel = (int) a.longOption("tune", "--parallel", config.parallel(), 1);
        TrainConfig base = config.baseConfig();
        int threads = (int) a.longOption("tune", "--threads", base.threads(), 0);
        threads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        Parallel.setThreads(threads);

        TrialTraining training = TrialTraining.load(config, dir);
        Objective objective;
        Direction direction;
        if (config.folds() > 0) {
            TrainingData.CrossValidationPool pool = training.crossValidationPool();
            CrossValidatedObjective cv = new CrossValidatedObjective(pool.rows(), KFold.plain(config.folds()), config.maxEpochs(),
                    base.batchSize(), config.monitor().contains("acc"), pool.preprocessing(),
                    (c, rng) -> training.trainer(c, rng).trainer());
            objective = cv;
            direction = cv.direction();
        } else {
            Monitor monitor = Monitor.of(config.monitor(), MonitorMode.AUTO);
            TrainingObjective t = new TrainingObjective((c, rng) -> training.setup(c, rng), monitor);
            objective = t;
            direction = t.direction();
        }
        Strategy strategy = strategy(config);
        CostEstimate cost = strategy.cost();
        out.printf(Locale.ROOT, "temper tune: %d train / %d validation / %d test examples, study seed %d, %d parallel trial%s, %d kernel threads, GEMM: %s%n",
                training.train().size(), training.validation().size(), training.test().size(), config.seed(), parallel,
                parallel == 1 ? "" : "s", threads, Backend.blas().name());
        out.print("search space:\n" + config.space().describe());
        out.println("budget: " + cost.description() + (config.folds() > 0 ? " (each x " + config.folds() + " folds)" : ""));
        if (config.pruner() == PrunerKind.MEDIAN) {
            out.println("pruner: median stopping rule (5 trials before it acts)");
        }
        Pruner pruner = config.pruner() == PrunerKind.MEDIAN ? MedianStoppingPruner.defaults() : Pruner.none();
        LiveLeaderboard live = new LiveLeaderboard(out, config.monitor(), cost.configurations());
        Study study = Study.builder(config.space(), strategy, objective).direction(direction).seed(config.seed())
                .parallel(parallel).pruner(pruner).journal(journal).resume(resume).listener(live).build();
        StudyResult result;
        try {
            result = study.run();
        } catch (JournalException e) {
            throw new UsageException("tune: " + e.getMessage());
        }
        if (result.resumedJobs() > 0) {
            out.printf(Locale.ROOT, "resumed: %d finished jobs kept from %s%s%n", result.resumedJobs(), journal,
                    result.droppedTornLine() ? " (a torn last line from the crash was dropped)" : "");
        }
        List<Trial> trials = result.history().trials();
        long epochs = trials.stream().mapToLong(Trial::epochs).sum();
        out.printf(Locale.ROOT, "study finished: %d trials, %d epochs in all (%d run now) in %.1f s%n", trials.size(), epochs,
                result.steps(), result.seconds());
        out.print(Leaderboard.format(trials, direction, config.monitor(), 10));
        Files.createDirectories(dir);
        AtomicWrite.writeString(dir.resolve("trials.csv"), TrialsCsv.render(config.space(), trials));
        TuneReport.page(config.space(), trials, direction, config.monitor(), cost.description()).write(dir.resolve("report.html"));
        Trial best = result.best();
        Map<String, Object> summary = new LinkedHashMap<>();
        if (best == null) {
            out.println("no trial completed: every one failed (see " + dir.resolve("trials.csv") + ")");
        } else {
            out.println("best: trial " + best.number() + ", " + config.monitor() + " " + String.format(Locale.ROOT, "%.4f", best.value())
                    + " after " + best.budget() + " epochs: " + best.configuration().describe());
            summary.put("best_trial", best.number());
            summary.put("best_" + config.monitor(), best.value());
            summary.put("best_epochs", best.budget());
            best.configuration().values().forEach((k, v) -> summary.put("param_" + k, v));
            if (config.retrain()) {
                retrain(config, training, best, dir, summary, out);
            }
        }
        summary.put("trials", trials.size());
        summary.put("epochs", epochs);
        summary.put("strategy", strategy.describe());
        AtomicWrite.writeString(dir.resolve("best.json"), Json.object(summary));
        out.println("wrote " + dir.resolve("trials.csv") + ", " + dir.resolve("report.html") + " and " + dir.resolve("best.json"));
        return 0;
    }

    /** Trains the best configuration again on training plus validation data, evaluates the test set, saves it. */
    private static void retrain(TuneConfig config, TrialTraining training, Trial best, Path dir, Map<String, Object> summary,
                                PrintStream out) {
        TrialTraining.Built built = training.trainer(best.configuration(), new Rng(best.seed()));
        Trainer trainer = built.trainer();
        trainer.fit(training.trainPlusValidation(), null, best.budget(), built.config().batchSize(), new Rng(best.seed() ^ 1));
        Evaluation test = trainer.evaluate(training.test(), 512);
        out.printf(Locale.ROOT, "retrained on train+validation for %d epochs: test loss %.4f%s%n", best.budget(), test.loss(),
                Double.isNaN(test.accuracy()) ? "" : String.format(Locale.ROOT, ", accuracy %.2f%%", 100 * test.accuracy()));
        summary.put("retrained_test_loss", test.loss());
        summary.put("retrained_test_accuracy", test.accuracy());
        Path weights = dir.resolve("best.safetensors");
        // a model file like temper train's, so temper evaluate and temper predict take it as it is
        ModelFile.save(weights, built.model(), built.config(), training.preprocessing(),
                config.base().render(config.runValues(best.configuration())));
        out.println("wrote " + weights);
    }

    static Strategy strategy(TuneConfig c) {
        return switch (c.strategy()) {
            case GRID -> new GridSearch(c.space(), c.gridPoints(), c.maxEpochs());
            case RANDOM -> new RandomSearch(c.space(), c.trials(), c.maxEpochs());
            case TPE -> TreeParzenEstimator.defaults(c.space(), c.trials(), c.maxEpochs());
            case GP -> GaussianProcessSearch.defaults(c.space(), c.trials(), c.maxEpochs());
            case HYPERBAND -> new Hyperband(c.space(), c.maxEpochs(), c.eta());
            case ASHA -> new Asha(c.space(), c.trials(), c.minEpochs(), c.maxEpochs(), c.eta());
        };
    }

    static TuneConfig defaultConfig() throws IOException {
        try (InputStream in = TuneCommand.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new ConfigException("the default tune file is missing from the jar");
            }
            return TuneConfigParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default tune file", Path.of("."));
        }
    }
}
