package dev.temper.cli;

import dev.temper.cli.config.Preprocessing;
import dev.temper.cli.config.TrainConfig;
import dev.temper.cli.config.TuneConfig;
import dev.temper.data.Dataset;
import dev.temper.nn.Sequential;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import dev.temper.train.Trainer;
import java.nio.file.Path;
import dev.temper.tune.Configuration;
import dev.temper.tune.TrainingObjective;

/**
 * The data a study's trials share (loaded and split once, with the base run's seed, so every trial sees the same
 * split) and the making of one trial's model and trainer from its configuration.
 */
final class TrialTraining {
    private final TuneConfig config;
    private final TrainingData data;
    private final Task task;
    private final Dataset train;
    private final Dataset validation;
    private final Dataset test;
    private final Path callbackDirectory;

    /** A trial's run file, model and trainer. */
    record Built(TrainConfig config, Sequential model, Trainer trainer) {}

    private TrialTraining(TuneConfig config, TrainingData data, Path callbackDirectory) {
        this.config = config;
        this.callbackDirectory = callbackDirectory;
        this.data = data;
        TrainConfig base = config.baseConfig();
        this.task = Task.of(base.loss(), data);
        int outputs = task.outputs(data);
        this.train = task.targets(data.train(), base.loss(), outputs, "training");
        this.validation = task.targets(data.validation(), base.loss(), outputs, "validation");
        this.test = task.targets(data.test(), base.loss(), outputs, "test");
    }

    /** @param callbackDirectory where callbacks of the base run that write files (csv_logger) put them */
    static TrialTraining load(TuneConfig config, Path callbackDirectory) {
        TrainConfig base = config.baseConfig();
        TrialTraining t = new TrialTraining(config, TrainingData.load(base.data(), new Rng(base.seed())), callbackDirectory);
        if (t.validation.size() == 0 && config.folds() == 0) {
            throw new UsageException("tune: trials are judged on the validation split; set data.validation_split > 0 or search.folds");
        }
        return t;
    }

    Dataset train() {
        return train;
    }

    Dataset validation() {
        return validation;
    }

    Dataset test() {
        return test;
    }

    /** What a model trained here expects of its input (for its model file). */
    Preprocessing preprocessing() {
        return data.preprocessing(task);
    }

    /** The training and validation rows to cross-validate trials on, and what to fit per fold. */
    TrainingData.CrossValidationPool crossValidationPool() {
        return data.crossValidationPool(trainPlusValidation(), true);
    }

    Dataset trainPlusValidation() {
        if (validation.size() == 0) {
            return train;
        }
        return new Dataset(Tensor.concat(0, train.features(), validation.features()), Tensor.concat(0, train.targets(), validation.targets()));
    }

    Built trainer(Configuration c, Rng rng) {
        TrainConfig run = config.base().config(config.runValues(c), c.describe());
        int outputs = task.outputs(data);
        if (run.outputUnits() != outputs) {
            throw new UsageException("tune: " + c.describe() + " gives a last dense layer of " + run.outputUnits() + " units but "
                    + task.describeOutputs(data));
        }
        Sequential model = ModelBuilder.model(run.layers(), data.inputs(), rng);
        // The same assembly as temper train: weight decay, schedules, callbacks and augmentation of the base run
        // apply to every trial. Files a callback writes (csv_logger) go under the trial's own directory.
        TrainingSetup setup = TrainingSetup.build(run, model, task, data.imageShape(), train.size(),
                callbackDirectory.resolve("trial-" + c.describe().hashCode()));
        return new Built(run, model, setup.trainer());
    }

    TrainingObjective.Setup setup(Configuration c, Rng rng) {
        Built b = trainer(c, rng);
        return new TrainingObjective.Setup(b.trainer(), train, validation, b.config().batchSize());
    }
}
