package dev.temper.cli.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything {@code temper train} needs to know, as values; read from a run file by {@link
 * TrainConfigParser} or taken from {@link #defaults()}.
 *
 * @param seed seeds every random choice of the run (initialization, shuffling, the split)
 * @param threads kernel threads; 0 means all available processors
 * @param epochs passes over the training set, >= 1
 * @param batchSize examples per step, >= 1
 * @param data where the examples come from
 * @param layers the model, input to output; the last dense layer's units are the output width
 * @param loss the training loss
 * @param optimizer the optimizer and its hyperparameters
 * @param regularization weight penalties added to the loss
 * @param callbacks the callbacks switched on, one per kind, in {@link CallbackKind} order (sorted on the way in)
 * @param augmentation the augmentations of training batches, one per kind, in {@link AugmentationKind} order
 * @param crossValidation k-fold cross-validation of the training set instead of one run; null for one run
 */
public record TrainConfig(
        long seed,
        int threads,
        int epochs,
        int batchSize,
        DataConfig data,
        List<LayerSpec> layers,
        LossKind loss,
        OptimizerConfig optimizer,
        RegularizationConfig regularization,
        List<CallbackConfig> callbacks,
        List<AugmentationConfig> augmentation,
        CrossValidationConfig crossValidation) {

    /** A run without weight penalties, callbacks or augmentation. */
    public TrainConfig(long seed, int threads, int epochs, int batchSize, DataConfig data, List<LayerSpec> layers,
                       LossKind loss, OptimizerConfig optimizer) {
        this(seed, threads, epochs, batchSize, data, layers, loss, optimizer, RegularizationConfig.none());
    }

    /** A run without callbacks or augmentation. */
    public TrainConfig(long seed, int threads, int epochs, int batchSize, DataConfig data, List<LayerSpec> layers,
                       LossKind loss, OptimizerConfig optimizer, RegularizationConfig regularization) {
        this(seed, threads, epochs, batchSize, data, layers, loss, optimizer, regularization, List.of(), List.of());
    }

    /** One run (no cross-validation). */
    public TrainConfig(long seed, int threads, int epochs, int batchSize, DataConfig data, List<LayerSpec> layers,
                       LossKind loss, OptimizerConfig optimizer, RegularizationConfig regularization,
                       List<CallbackConfig> callbacks, List<AugmentationConfig> augmentation) {
        this(seed, threads, epochs, batchSize, data, layers, loss, optimizer, regularization, callbacks, augmentation,
                null);
    }

    public TrainConfig {
        Range.AT_LEAST_ZERO.check("threads", threads);
        Range.AT_LEAST_ONE.check("epochs", epochs);
        Range.AT_LEAST_ONE.check("batchSize", batchSize);
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        if (loss == null) {
            throw new IllegalArgumentException("loss must not be null");
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
        if (regularization == null) {
            throw new IllegalArgumentException("regularization must not be null");
        }
        layers = checkedLayers(layers, loss);
        callbacks = oneOfEach("callbacks", callbacks, CallbackConfig::kind);
        augmentation = oneOfEach("augmentation", augmentation, AugmentationConfig::kind);
        checkCombinations(optimizer, callbacks, augmentation, data, epochs);
        if (crossValidation != null && data.validationSplit() > 0) {
            // each fold is validated on its held-out fold; a validation split besides would sit unused
            throw new IllegalArgumentException("cross_validation validates on each held-out fold; set "
                    + "data.validation_split to 0, got " + data.validationSplit());
        }
    }

    /**
     * The run with no config file: the dropout network of Srivastava et al. (2014, JMLR 15, section 6.1.1:
     * dropout 0.2 on the inputs, 0.5 after each hidden layer) with two ReLU layers of 1024 units, dense 10
     * giving logits, softmax cross-entropy, Adam at 1e-3, 30 epochs of batch 128, seed 42, all processors,
     * the embedded MNIST subset with
     * a tenth held out for validation.
     */
    public static TrainConfig defaults() {
        List<LayerSpec> layers =
                List.of(
                        LayerSpec.dropout(0.2),
                        LayerSpec.dense(1024),
                        LayerSpec.activation(LayerKind.RELU),
                        LayerSpec.dropout(0.5),
                        LayerSpec.dense(1024),
                        LayerSpec.activation(LayerKind.RELU),
                        LayerSpec.dropout(0.5),
                        LayerSpec.dense(10));
        return new TrainConfig(
                42, 0, 30, 128, DataConfig.defaults(), layers, LossKind.SOFTMAX_CROSS_ENTROPY, OptimizerConfig.adam());
    }

    /** This config with another seed (the CLI's {@code --seed} overrides the file). */
    public TrainConfig withSeed(long newSeed) {
        return new TrainConfig(newSeed, threads, epochs, batchSize, data, layers, loss, optimizer, regularization,
                callbacks, augmentation, crossValidation);
    }

    /** This config with another thread count (the CLI's {@code --threads} overrides the file). */
    public TrainConfig withThreads(int newThreads) {
        return new TrainConfig(seed, newThreads, epochs, batchSize, data, layers, loss, optimizer, regularization,
                callbacks, augmentation, crossValidation);
    }

    public TrainConfig withEpochs(int newEpochs) {
        return new TrainConfig(seed, threads, newEpochs, batchSize, data, layers, loss, optimizer, regularization,
                callbacks, augmentation, crossValidation);
    }

    public TrainConfig withLayers(List<LayerSpec> newLayers) {
        return new TrainConfig(seed, threads, epochs, batchSize, data, newLayers, loss, optimizer, regularization,
                callbacks, augmentation, crossValidation);
    }

    /** This config under another optimizer, e.g. {@code OptimizerConfig.adam().with("weight_decay", 1e-4)}. */
    public TrainConfig withOptimizer(OptimizerConfig newOptimizer) {
        return new TrainConfig(seed, threads, epochs, batchSize, data, layers, loss, newOptimizer, regularization,
                callbacks, augmentation, crossValidation);
    }

    /** This config under other penalties, e.g. {@code new RegularizationConfig(0, 1e-4)}. */
    public TrainConfig withRegularization(RegularizationConfig newRegularization) {
        return new TrainConfig(seed, threads, epochs, batchSize, data, layers, loss, optimizer, newRegularization,
                callbacks, augmentation, crossValidation);
    }

    /** This config with exactly these callbacks (any order; empty for none). */
    public TrainConfig withCallbacks(List<CallbackConfig> newCallbacks) {
        return new TrainConfig(seed, threads, epochs, batchSize, data, layers, loss, optimizer, regularization,
                newCallbacks, augmentation, crossValidation);
    }

    /** This config with {@code callback} added, replacing one of the same kind. */
    public TrainConfig withCallback(CallbackConfig callback) {
        List<CallbackConfig> more = new ArrayList<>(callbacks);
        more.removeIf(c -> c.kind() == callback.kind());
        more.add(callback);
        return withCallbacks(more);
    }

    /** This config with exactly these augmentations (any order; empty for none). */
    public TrainConfig withAugmentation(List<AugmentationConfig> newAugmentation) {
        return new TrainConfig(seed, threads, epochs, batchSize, data, layers, loss, optimizer, regularization,
                callbacks, newAugmentation, crossValidation);
    }

    public TrainConfig withData(DataConfig newData) {
        return new TrainConfig(seed, threads, epochs, batchSize, newData, layers, loss, optimizer, regularization,
                callbacks, augmentation, crossValidation);
    }

    /** This config cross-validated ({@code null}: one run). */
    public TrainConfig withCrossValidation(CrossValidationConfig newCrossValidation) {
        return new TrainConfig(seed, threads, epochs, batchSize, data, layers, loss, optimizer, regularization,
                callbacks, augmentation, newCrossValidation);
    }

    /** The callback of {@code kind}, or null when it is not switched on. */
    public CallbackConfig callback(CallbackKind kind) {
        return callbacks.stream().filter(c -> c.kind() == kind).findFirst().orElse(null);
    }

    /** Units of the last dense layer: the model's output width, to be matched to the class count. */
    public int outputUnits() {
        for (int i = layers.size() - 1; ; i--) {
            if (layers.get(i).kind() == LayerKind.DENSE) {
                return layers.get(i).units();
            }
        }
    }

    /** One entry per kind, sorted into the kind's order (the order they act in), so equal runs are equal configs. */
    private static <T, K extends Enum<K>> List<T> oneOfEach(String what, List<T> entries, Function<T, K> kind) {
        if (entries == null) {
            throw new IllegalArgumentException(what + " must not be null (use an empty list)");
        }
        Set<K> seen = new HashSet<>();
        for (T entry : entries) {
            if (entry == null) {
                throw new IllegalArgumentException(what + " must not hold null, got " + entries);
            }
            if (!seen.add(kind.apply(entry))) {
                throw new IllegalArgumentException(what + " lists " + kind.apply(entry) + " twice");
            }
        }
        List<T> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(kind));
        return List.copyOf(sorted);
    }

    private static void checkCombinations(OptimizerConfig optimizer, List<CallbackConfig> callbacks,
                                          List<AugmentationConfig> augmentation, DataConfig data, int epochs) {
        ScheduleConfig schedule = optimizer.schedule();
        boolean plateau = callbacks.stream().anyMatch(c -> c.kind() == CallbackKind.REDUCE_LR_ON_PLATEAU);
        if (schedule != null && plateau) {
            // Each would overwrite the other's rate every epoch; which one wins would be an accident of order.
            throw new IllegalArgumentException("reduce_lr_on_plateau sets the learning rate itself; it cannot be "
                    + "combined with the optimizer's schedule " + schedule.name().yamlName() + "; choose one");
        }
        if (schedule != null && !schedule.perStep() && schedule.settings().integer("warmup") >= epochs) {
            throw new IllegalArgumentException("schedule warmup must be shorter than the run, got warmup "
                    + schedule.settings().integer("warmup") + " of " + epochs + " epochs");
        }
        for (AugmentationConfig a : augmentation) {
            if (a.kind().needsImages() && data.dataset() == DatasetKind.CSV) {
                throw new IllegalArgumentException("augmentation " + a.kind().yamlName()
                        + " needs images, and dataset csv holds table rows (gaussian_noise works on tables)");
            }
        }
        for (CallbackConfig c : callbacks) {
            boolean monitors = c.settings().values().containsKey("monitor");
            if (monitors && c.settings().text("monitor").startsWith("val_") && data.validationSplit() == 0) {
                throw new IllegalArgumentException(c.kind().yamlName() + " monitors " + c.settings().text("monitor")
                        + " but validation_split is 0, so there is no validation set; monitor loss or hold some out");
            }
        }
    }

    private static List<LayerSpec> checkedLayers(List<LayerSpec> layers, LossKind loss) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("layers must list at least one layer, got " + layers);
        }
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) == null) {
                throw new IllegalArgumentException("layers[" + i + "] must not be null");
            }
        }
        if (layers.stream().noneMatch(layer -> layer.kind() == LayerKind.DENSE)) {
            throw new IllegalArgumentException("layers must contain at least one dense layer, got only "
                    + layers.stream().map(layer -> layer.kind().yamlName()).collect(Collectors.joining(", ")));
        }
        // Keras's from_logits trap: a softmax before a softmax cross-entropy squashes the logits
        // twice, and training still runs, only badly. Refused here, where the fix is one line.
        if (loss == LossKind.SOFTMAX_CROSS_ENTROPY && layers.get(layers.size() - 1).endsInSoftmax()) {
            throw new IllegalArgumentException("loss softmax_cross_entropy applies softmax itself; "
                    + "end the model with a dense layer that gives logits, or use loss mse");
        }
        LayerSpec last = layers.get(layers.size() - 1);
        if (loss == LossKind.BINARY_CROSS_ENTROPY && (last.kind() == LayerKind.SIGMOID || last.activation() == LayerKind.SIGMOID)) {
            throw new IllegalArgumentException("loss binary_cross_entropy applies the sigmoid itself; "
                    + "end the model with a dense layer of 1 unit that gives a logit");
        }
        return List.copyOf(layers);
    }
}
