package dev.temper.cli;

import dev.temper.autograd.Selector;
import dev.temper.cli.config.LayerKind;
import dev.temper.cli.config.LayerSpec;
import dev.temper.cli.config.LossKind;
import dev.temper.cli.config.RegularizationConfig;
import dev.temper.regularize.Penalty;
import dev.temper.regularize.Regularization;
import dev.temper.loss.BinaryCrossEntropyWithLogits;
import dev.temper.loss.HuberLoss;
import dev.temper.loss.LogCoshLoss;
import dev.temper.loss.Loss;
import dev.temper.loss.MeanAbsoluteError;
import dev.temper.loss.MeanSquaredError;
import dev.temper.loss.SoftmaxCrossEntropyLoss;
import dev.temper.nn.BatchNormalization;
import dev.temper.nn.Dense;
import dev.temper.nn.ELU;
import dev.temper.nn.GELU;
import dev.temper.nn.LayerNormalization;
import dev.temper.nn.LeakyReLU;
import dev.temper.nn.SELU;
import dev.temper.nn.SiLU;
import dev.temper.nn.Softplus;
import dev.temper.nn.Dropout;
import dev.temper.nn.Layer;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.nn.Sigmoid;
import dev.temper.nn.Softmax;
import dev.temper.nn.Tanh;
import dev.temper.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/** Turns config values into engine objects: layers into a {@link Sequential}, names into a loss, penalties into a Regularization (the optimizer: OptimizerFactory). */
final class ModelBuilder {
    private ModelBuilder() {}

    static Sequential model(List<LayerSpec> specs, int inputs, Rng rng) {
        List<Layer> layers = new ArrayList<>();
        int width = inputs;
        for (LayerSpec spec : specs) {
            if (spec.kind() == LayerKind.DENSE) {
                layers.add(new Dense(width, spec.units(), rng));
                width = spec.units();
                if (spec.activation() != null) {
                    layers.add(activation(spec.activation()));
                }
            } else if (spec.kind() == LayerKind.DROPOUT) {
                layers.add(new Dropout(spec.rate()));
            } else if (spec.kind() == LayerKind.BATCH_NORMALIZATION) {
                layers.add(new BatchNormalization(width));
            } else if (spec.kind() == LayerKind.LAYER_NORMALIZATION) {
                layers.add(new LayerNormalization(width));
            } else {
                layers.add(activation(spec.kind()));
            }
        }
        return new Sequential(layers);
    }

    private static Layer activation(LayerKind kind) {
        return switch (kind) {
            case RELU -> new ReLU();
            case SIGMOID -> new Sigmoid();
            case TANH -> new Tanh();
            case SOFTMAX -> new Softmax();
            case LEAKY_RELU -> new LeakyReLU();
            case ELU -> new ELU();
            case SELU -> new SELU();
            case GELU -> new GELU();
            case SOFTPLUS -> new Softplus();
            case SILU -> new SiLU();
            default -> throw new IllegalArgumentException(kind.yamlName() + " is not an activation");
        };
    }

    static Loss loss(LossKind kind) {
        return switch (kind) {
            case SOFTMAX_CROSS_ENTROPY -> new SoftmaxCrossEntropyLoss();
            case MSE -> new MeanSquaredError();
            case MAE -> new MeanAbsoluteError();
            case HUBER -> new HuberLoss();
            case LOG_COSH -> new LogCoshLoss();
            case BINARY_CROSS_ENTROPY -> new BinaryCrossEntropyWithLogits();
        };
    }

    /** The run's penalties: L1 and L2 on every weight matrix and kernel, as named terms of the history. */
    static Regularization regularization(RegularizationConfig c) {
        Regularization r = Regularization.none();
        if (c.l1() > 0) {
            r = r.with("l1", Selector.weights(), Penalty.l1(c.l1()));
        }
        if (c.l2() > 0) {
            r = r.with("l2", Selector.weights(), Penalty.l2(c.l2()));
        }
        return r;
    }
}
