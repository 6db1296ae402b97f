package dev.temper.cli.config;

import java.util.List;
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
        RegularizationConfig regularization) {

    /** A run without weight penalties. */
    public TrainConfig(long seed, int threads, int epochs, int batchSize, DataConfig data, List<LayerSpec> layers,
                       LossKind loss, OptimizerConfig optimizer) {
        this(seed, threads, epochs, batchSize, data, layers, loss, optimizer, RegularizationConfig.none());
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
        return new TrainConfig(newSeed, threads, epochs, batchSize, data, layers, loss, optimizer, regularization);
    }

    /** This config with another thread count (the CLI's {@code --threads} overrides the file). */
    public TrainConfig withThreads(int newThreads) {
        return new TrainConfig(seed, newThreads, epochs, batchSize, data, layers, loss, optimizer, regularization);
    }

    /** Units of the last dense layer: the model's output width, to be matched to the class count. */
    public int outputUnits() {
        for (int i = layers.size() - 1; ; i--) {
            if (layers.get(i).kind() == LayerKind.DENSE) {
                return layers.get(i).units();
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
