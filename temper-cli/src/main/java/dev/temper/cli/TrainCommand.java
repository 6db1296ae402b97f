package dev.temper.cli;

import dev.temper.cli.config.Json;
import dev.temper.cli.config.TrainConfig;
import dev.temper.cli.config.TrainConfigParser;
import dev.temper.data.Dataset;
import dev.temper.io.AtomicWrite;
import dev.temper.nn.Sequential;
import dev.temper.tensor.Backend;
import dev.temper.tensor.Parallel;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import dev.temper.train.Evaluation;
import dev.temper.train.History;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code temper train [CONFIG.yaml] [--out DIR] [--seed N] [--threads N] [--resume]}: trains the configured model,
 * prints one line per epoch, and writes {@code DIR/history.csv}, {@code DIR/metrics.json} and
 * {@code DIR/model.safetensors}. Each epoch backs the whole run up into {@code DIR} ({@link RunBackup});
 * {@code --resume} continues an interrupted run from there, ending exactly as the uninterrupted run would.
 */
final class TrainCommand {
    static final String USAGE = "temper train [CONFIG.yaml] [--out DIR] [--seed N] [--threads N] [--resume]";

    private TrainCommand() {}

    /** @param interactive whether {@code out} is a terminal (a progress bar is drawn during each epoch) */
    static int run(List<String> args, PrintStream out, boolean interactive) throws IOException {
        Arguments a = Arguments.parse("train", args, Set.of("--out", "--seed", "--threads"), Set.of("--resume"));
        TrainConfig config = config(a);
        if (a.flag("--resume") && config.crossValidation() != null) {
            throw new UsageException("train --resume continues one training run; a cross_validation run has no backup to resume");
        }
        if (a.flag("--resume") && a.option("--out") == null) {
            throw new UsageException("train --resume needs --out DIR, the directory of the run to continue; usage: " + USAGE);
        }
        Path dir = a.option("--out") != null ? Path.of(a.option("--out")) : StampedDirectory.under("runs");

        int threads = config.threads() == 0 ? Runtime.getRuntime().availableProcessors() : config.threads();
        RunBackup backups = RunBackup.prepare(dir, a.flag("--resume"), config, threads, out);
        Parallel.setThreads(threads);
        Rng rng = new Rng(config.seed());
        TrainingData data = TrainingData.load(config.data(), rng);
        int inputs = data.inputs();
        Sequential model = ModelBuilder.model(config.layers(), inputs, rng.split());
        Task task = Task.of(config.loss(), data);
        TrainingSetup.checkTask(config, task);
        int outputs = task.outputs(data);
        if (config.outputUnits() != outputs) {
            throw new UsageException("train: the last dense layer has " + config.outputUnits() + " units but "
                    + task.describeOutputs(data));
        }
        Dataset train = task.targets(data.train(), config.loss(), outputs, "training");
        Dataset validation = task.targets(data.validation(), config.loss(), outputs, "validation");
        Dataset test = task.targets(data.test(), config.loss(), outputs, "test");
        out.printf(Locale.ROOT, "temper train: %d train / %d validation / %d test examples, seed %d, %d threads, GEMM: %s%n",
                train.size(), validation.size(), test.size(), config.seed(), threads, Backend.blas().name());
        out.print(model.summary(Shape.of(inputs)));
        if (config.crossValidation() != null) {
            Tensor classLabels = task == Task.REGRESSION ? null : data.train().targets();
            return CrossValidationRun.run(config, task, data, train, classLabels, rng, dir, threads, out, interactive);
        }

        TrainingSetup setup = TrainingSetup.build(config, model, task, data.imageShape(), train.size(), dir);
        setup.warnings().forEach(warning -> out.println("warning: " + warning));
        Files.createDirectories(dir); // callbacks (the CSV logger) write into it while training
        int epochs = config.epochs();
        long start = System.nanoTime();
        History history = setup.displayedOn(out, interactive, backups.callbacks())
                .fit(train, validation.size() == 0 ? null : validation, epochs, config.batchSize(), rng);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        RunReport.printStop(out, history, setup.earlyStopping());
        Evaluation result = setup.trainer().evaluate(test, 512);
        RunReport.printTest(out, result, trainSeconds);

        AtomicWrite.writeString(dir.resolve("history.csv"), history.toCsv());
        Map<String, Object> metrics = RunReport.metrics(result, history, setup.earlyStopping());
        metrics.put("epochs", epochs);
        metrics.put("train_seconds", trainSeconds);
        metrics.put("seed", config.seed());
        metrics.put("threads", threads);
        metrics.put("parameters", model.parameterCount());
        metrics.put("gemm", Backend.blas().name());
        AtomicWrite.writeString(dir.resolve("metrics.json"), Json.object(metrics));
        out.println("wrote " + dir.resolve("history.csv") + " and " + dir.resolve("metrics.json"));
        Path weights = dir.resolve("model.safetensors");
        ModelFile.save(weights, model, config, data.preprocessing(task), runFileText(a));
        out.println("wrote " + weights);
        backups.finish();
        return 0;
    }

    /** The run file (or the default run) with the command line's overrides. */
    private static TrainConfig config(Arguments a) {
        if (a.positional().size() > 1) {
            throw new UsageException("train: expected at most one config file, got " + a.positional() + "; usage: " + USAGE);
        }
        TrainConfig config = a.positional().isEmpty() ? TrainConfig.defaults() : TrainConfigParser.parse(Path.of(a.positional().get(0)));
        config = config.withSeed(a.longOption("train", "--seed", config.seed(), Long.MIN_VALUE));
        return config.withThreads((int) a.longOption("train", "--threads", config.threads(), 0));
    }

    /** The run file's text, kept in the model file as provenance; null for the default run. */
    private static String runFileText(Arguments a) throws IOException {
        return a.positional().isEmpty() ? null : Files.readString(Path.of(a.positional().get(0)));
    }
}
