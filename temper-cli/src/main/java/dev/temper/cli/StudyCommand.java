package dev.temper.cli;

import dev.temper.cli.config.CallbackKind;
import dev.temper.cli.config.StudyConfig;
import dev.temper.cli.config.StudyConfigParser;
import dev.temper.cli.config.TrainConfig;
import dev.temper.data.Dataset;
import dev.temper.data.ImageShape;
import dev.temper.nn.Sequential;
import dev.temper.study.Regime;
import dev.temper.study.ResultFiles;
import dev.temper.study.RunFactory;
import dev.temper.study.RunSetup;
import dev.temper.study.Study;
import dev.temper.study.StudyData;
import dev.temper.study.StudyResult;
import dev.temper.tensor.Backend;
import dev.temper.tensor.Parallel;
import dev.temper.tensor.Rng;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code temper study [STUDY.yaml] [--out DIR] [--seeds N] [--threads N]}: trains one network under several
 * regimes with several seeds each, prints progress and the tables, and writes {@code DIR/report.html},
 * {@code DIR/results.csv}, {@code DIR/results.json} and every run under {@code DIR/runs/}. Runs finished in DIR
 * before are read, not trained again: an interrupted study (Ctrl-C keeps and reports the finished runs) resumes
 * with the same command.
 */
final class StudyCommand {
    static final String USAGE = "temper study [STUDY.yaml] [--out DIR] [--seeds N] [--threads N]";
    /** The exit status of a study stopped by Ctrl-C (128 + SIGINT, as shells report it). */
    static final int INTERRUPTED = 130;

    private StudyCommand() {}

    /** @param interactive whether {@code out} is a terminal: the run in progress then shows its epoch in place */
    static int run(List<String> args, PrintStream out, boolean interactive) {
        Arguments a = Arguments.parse("study", args, Set.of("--out", "--seeds", "--threads"), Set.of());
        if (a.positional().size() > 1) {
            throw new UsageException("study: expected at most one study file, got " + a.positional() + "; usage: " + USAGE);
        }
        StudyConfig config = a.positional().isEmpty() ? StudyConfigParser.defaults()
                : StudyConfigParser.parse(Path.of(a.positional().get(0)));
        if (a.option("--seeds") != null) {
            config = config.withSeedCount((int) a.longOption("study", "--seeds", 3, 1));
        }
        if (a.option("--threads") != null) {
            config = config.withThreads((int) a.longOption("study", "--threads", 0, 0));
        }
        Path dir = Path.of(a.option("--out") != null ? a.option("--out") : "study");
        int threads = config.base().threads() == 0 ? Runtime.getRuntime().availableProcessors() : config.base().threads();
        Parallel.setThreads(threads);

        TrainConfig base = config.base();
        TrainingData data = TrainingData.load(base.data(), new Rng(base.seed()));
        Task task = Task.of(base.loss(), data);
        int outputs = task.outputs(data);
        Dataset train = task.targets(data.train(), base.loss(), outputs, "training");
        Dataset validation = task.targets(data.validation(), base.loss(), outputs, "validation");
        Dataset test = task.targets(data.test(), base.loss(), outputs, "test");
        if (validation.size() == 0 || test.size() == 0) {
            throw new UsageException("study: needs validation and test examples (each run's best epoch is chosen on "
                    + "the validation set, its result judged on the test set); got " + validation.size()
                    + " validation and " + test.size() + " test examples");
        }
        List<Regime> regimes = new ArrayList<>();
        for (StudyConfig.RegimeConfig r : config.regimes()) { // checked before the first run trains
            regimes.add(Regime.replacing(r.name(), r.change(), run(r.name(), r.config(), data, task, train.size())));
        }
        RunFactory baseRun = run("base run", base, data, task, train.size());
        Study study = Study.of(new StudyData(train, validation, test), baseRun, config.baseDescription(), regimes,
                config.seeds()).withBestEpochBy(config.bestEpochBy());
        String dataDescription = String.format(Locale.ROOT, "%s: %d train / %d validation / %d test examples",
                base.data().dataset().yamlName(), train.size(), validation.size(), test.size());
        out.printf(Locale.ROOT, "temper study: %d regimes x %d seeds = %d runs; %s; %d thread%s, GEMM: %s%n",
                regimes.size(), config.seeds().size(), study.plan().size(), dataDescription, threads,
                threads == 1 ? "" : "s", Backend.blas().name());
        out.println("runs go to " + dir.resolve("runs") + " (runs finished there before are read, not trained again)");

        StudyProgress progress = new StudyProgress(out, interactive);
        StudyResult result;
        try (StudyInterruption interruption = new StudyInterruption()) {
            result = study.run(dir, progress, interruption.signal());
            progress.clearLiveLine();
            report(result, dir, dataDescription, config, a, threads, out);
            if (!result.complete()) {
                // before close(): once it returns, an interrupted JVM halts, and a line printed after could be lost
                out.printf(Locale.ROOT, "interrupted: %d of %d runs finished (kept under %s); run the same command "
                        + "again to resume%n", result.runs().size(), result.plannedRuns(), dir.resolve("runs"));
                out.flush();
            }
        }
        return result.complete() ? 0 : INTERRUPTED;
    }

    /** Builds a regime's runs: its run file's model (from the run's generator) and trainer. */
    private static RunFactory run(String name, TrainConfig c, TrainingData data, Task task, int trainSize) {
        if (c.outputUnits() != task.outputs(data)) {
            throw new UsageException("study: " + name + ": the last dense layer has " + c.outputUnits() + " units but "
                    + task.describeOutputs(data));
        }
        if (c.callback(CallbackKind.CSV_LOGGER) != null) {
            throw new UsageException("study: " + name + ": csv_logger has no place in a study (the study writes "
                    + "every run's history.csv itself)");
        }
        int inputs = data.inputs();
        ImageShape imageShape = data.imageShape();
        return rng -> {
            Sequential model = ModelBuilder.model(c.layers(), inputs, rng.split());
            TrainingSetup.Parts parts = TrainingSetup.parts(c, task, imageShape, trainSize, Path.of("."));
            return RunSetup.of(model, ModelBuilder.loss(c.loss()), parts.optimizer(), c.epochs(), c.batchSize())
                    .withTrainer(parts.options());
        };
    }

    private static void report(StudyResult result, Path dir, String dataDescription, StudyConfig config, Arguments a,
                               int threads, PrintStream out) {
        List<StudyTables.Table> tables = StudyTables.of(result);
        if (!Charset.defaultCharset().newEncoder().canEncode('±')) {
            List<StudyTables.Table> ascii = new ArrayList<>();
            for (StudyTables.Table t : tables) {
                List<List<String>> rows = new ArrayList<>();
                t.rows().forEach(row -> rows.add(row.stream().map(cell -> cell.replace("±", "+-")).toList()));
                ascii.add(new StudyTables.Table(t.title(), t.header(), rows));
            }
            tables = ascii;
        }
        StudyTables.print(tables, out);
        out.println();
        StudyFindings.of(result).forEach(out::println);
        ResultFiles.write(dir, result);
        StudyReport.write(dir.resolve("report.html"), result, dataDescription, provenance(config, a, threads));
        out.println("wrote " + dir.resolve("report.html") + ", " + dir.resolve("results.csv") + " and "
                + dir.resolve("results.json"));
    }

    private static StudyReport.Provenance provenance(StudyConfig config, Arguments a, int threads) {
        StringBuilder command = new StringBuilder("temper study");
        a.positional().forEach(p -> command.append(' ').append(p));
        for (String option : List.of("--out", "--seeds", "--threads")) {
            if (a.option(option) != null) {
                command.append(' ').append(option).append(' ').append(a.option(option));
            }
        }
        String version = StudyCommand.class.getPackage().getImplementationVersion();
        List<String> versions = List.of(
                "temper " + (version == null ? "(development build, not packaged)" : version),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                        + Runtime.getRuntime().availableProcessors() + " processors, " + threads + " threads",
                "GEMM: " + Backend.blas().name());
        return new StudyReport.Provenance(command.toString(), config.sourceName(), config.text(), versions);
    }
}
