package dev.temper.cli;

import dev.temper.cli.config.CallbackConfig;
import dev.temper.cli.config.CallbackKind;
import dev.temper.cli.config.TrainConfig;
import dev.temper.data.Augmentation;
import dev.temper.data.ImageShape;
import dev.temper.data.Mixup;
import dev.temper.metric.Metric;
import dev.temper.nn.Sequential;
import dev.temper.optim.Optimizer;
import dev.temper.regularize.ProximalL1;
import dev.temper.regularize.Regularization;
import dev.temper.train.Callback;
import dev.temper.train.EarlyStopping;
import dev.temper.train.EpochRecord;
import dev.temper.train.Monitor;
import dev.temper.train.MonitorMode;
import dev.temper.train.Trainer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The trainer a run file describes: model, loss, optimizer (with decay, clipping and schedule), penalties, metrics,
 * callbacks and augmentation, plus what the report needs to know afterwards (the early stopping's report, the
 * warnings worth printing).
 *
 * @param earlyStopping the run's early stopping, or null when it is off
 * @param warnings advice about the configuration, printed before training
 * @param learningRateMoves whether a schedule or reduce_lr_on_plateau changes the rate during the run
 * @param epochs the run's epochs, for the display
 * @param stepsPerEpoch optimizer steps per epoch, for the progress bar
 */
record TrainingSetup(Trainer trainer, EarlyStopping earlyStopping, List<String> warnings, boolean learningRateMoves,
                     int epochs, long stepsPerEpoch) {

    /**
     * The trainer with {@code more} (the command's own: backups) and then the run's display called after every
     * callback of the run file, so the progress shown is the epoch's final word: on a terminal
     * ({@code interactive}) a progress bar during each epoch, then one line per epoch.
     */
    Trainer displayedOn(PrintStream out, boolean interactive, List<Callback> more) {
        List<Callback> all = new ArrayList<>(trainer.callbacks());
        all.addAll(more);
        if (interactive) {
            all.add(new ProgressBar(out, epochs, stepsPerEpoch, System::nanoTime));
        }
        all.add(new EpochPrinter(out, epochs, learningRateMoves));
        return trainer.withCallbacks(all.toArray(new Callback[0]));
    }

    /**
     * @param imageShape the layout of image rows, for augmentations; null for table rows
     * @param trainSize training examples per epoch, for the length of a per-step schedule
     * @param runDirectory where callbacks write their files
     */
    static TrainingSetup build(TrainConfig config, Sequential model, Task task, ImageShape imageShape, int trainSize,
                               Path runDirectory) {
        Parts parts = parts(config, task, imageShape, trainSize, runDirectory);
        Trainer trainer = parts.options().apply(new Trainer(model, ModelBuilder.loss(config.loss()), parts.optimizer()));
        return new TrainingSetup(trainer, parts.earlyStopping(), parts.warnings(), parts.learningRateMoves(),
                config.epochs(), parts.stepsPerEpoch());
    }

    /**
     * A run's trainer in pieces, before there is a model: its optimizer, and everything else as one change of a
     * {@code new Trainer(model, loss, optimizer)} (what a study needs to build a run per seed). Each call builds new
     * stateful pieces (optimizer, callbacks).
     */
    record Parts(Optimizer optimizer, UnaryOperator<Trainer> options, EarlyStopping earlyStopping,
                 List<String> warnings, boolean learningRateMoves, long stepsPerEpoch) {}

    static Parts parts(TrainConfig config, Task task, ImageShape imageShape, int trainSize, Path runDirectory) {
        long stepsPerEpoch = Math.max(1, (trainSize + (long) config.batchSize() - 1) / config.batchSize());
        checkTask(config, task);
        OptimizerFactory.Built optimizer = OptimizerFactory.build(config.optimizer(), config.epochs(), stepsPerEpoch);
        Regularization regularization = ModelBuilder.regularization(config.regularization());
        double proximalL1 = config.regularization().proximalL1();
        List<Metric> metrics = task.metrics();
        for (CallbackConfig c : config.callbacks()) {
            if (c.settings().values().containsKey("monitor")) {
                checkMonitor(c.kind().yamlName(), c.settings().text("monitor"), task, regularization, proximalL1 > 0,
                        metrics);
            }
        }
        CallbackFactory.Built callbacks = CallbackFactory.build(config.callbacks(), runDirectory);
        List<Callback> all = new ArrayList<>();
        if (optimizer.epochSchedule() != null) {
            all.add(optimizer.epochSchedule()); // first: the rate is set before any callback looks at it
        }
        all.addAll(callbacks.callbacks());
        Augmentation augmentation = AugmentationFactory.build(config.augmentation(), imageShape);
        Mixup mixup = AugmentationFactory.mixup(config.augmentation());
        UnaryOperator<Trainer> options = t -> {
            Trainer out = t.withMetrics(metrics.toArray(new Metric[0]))
                    .withRegularization(regularization)
                    .withCallbacks(all.toArray(new Callback[0]))
                    .withAugmentation(augmentation)
                    .withMixup(mixup);
            return proximalL1 > 0 ? out.withPostStep(ProximalL1.ofWeights(proximalL1)) : out;
        };
        List<String> warnings = regularization.warningsFor(config.optimizer().name().yamlName());
        boolean moves = config.optimizer().schedule() != null || config.callback(CallbackKind.REDUCE_LR_ON_PLATEAU) != null;
        return new Parts(optimizer.optimizer(), options, callbacks.earlyStopping(), warnings, moves, stepsPerEpoch);
    }

    /**
     * What the run file asks that the task (known once the data is read) rules out: mixup on a regression. Called by
     * {@link #build}, and by the command before it writes anything.
     */
    static void checkTask(TrainConfig config, Task task) {
        if (task == Task.REGRESSION && AugmentationFactory.mixup(config.augmentation()) != null) {
            // mixup blends two examples' labels: a method for classes (the paper's); for numbers it would be another
            throw new UsageException("train: augmentation mixup is for classification runs, and this run is a regression "
                    + "(loss " + config.loss().yamlName() + " on numeric labels); remove mixup");
        }
    }

    /**
     * A monitored name must be one the history will have; checked before the first epoch rather than failing
     * after it. A made-up record with the run's terms and metrics lets the library's {@code Monitor} decide.
     */
    private static void checkMonitor(String callback, String monitor, Task task, Regularization regularization,
                                     boolean proximalL1, List<Metric> metrics) {
        Map<String, Double> terms = new LinkedHashMap<>();
        regularization.rules().forEach(rule -> terms.put(rule.name(), 0.0));
        if (proximalL1) {
            terms.put(ProximalL1.TERM, 0.0);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Metric m : metrics) {
            values.put(m.name(), 0.0);
            values.put("val_" + m.name(), 0.0);
        }
        EpochRecord probe = new EpochRecord(1, 0, 0, 0, 0, 0, 0, terms, values);
        try {
            Monitor.of(monitor, MonitorMode.AUTO).value(probe);
        } catch (IllegalArgumentException e) {
            throw new UsageException("train: " + callback + " monitors '" + monitor + "', which this run does not "
                    + "record; " + e.getMessage().substring(e.getMessage().indexOf("expected")));
        }
        if (task == Task.REGRESSION && monitor.endsWith("accuracy")) {
            throw new UsageException("train: " + callback + " monitors '" + monitor + "', but a regression run has no "
                    + "accuracy; monitor val_loss or a metric such as val_rmse");
        }
    }
}
