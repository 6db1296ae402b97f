package dev.temper.study;

import dev.temper.autograd.Selector;
import dev.temper.data.Augmentation;
import dev.temper.optim.Optimizer;
import dev.temper.regularize.Penalty;
import dev.temper.regularize.ProximalL1;
import dev.temper.regularize.Regularization;
import dev.temper.train.Callback;
import dev.temper.train.EarlyStopping;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The usual regimes of a regularization study, each a named {@link Regime}. Weight penalties act on weights only
 * ({@link Selector#weights()}: matrices and kernels, not biases or normalization parameters).
 */
public final class Regimes {
    private Regimes() {}

    /**
     * L1 by proximal steps ({@link ProximalL1}): after each optimizer step, weights are soft-thresholded by
     * {@code learningRate * lambda}, which sets small ones exactly to zero.
     */
    public static Regime l1(double lambda) {
        ProximalL1 step = ProximalL1.ofWeights(lambda);
        return Regime.changingSetup("l1", "L1 by proximal steps, lambda " + number(lambda) + " on weights",
                s -> s.withTrainer(t -> t.withPostStep(step)));
    }

    /** An L2 penalty {@code lambda * sum(w^2)} added to the loss (Keras's convention), its gradient through the optimizer. */
    public static Regime l2(double lambda) {
        Regularization r = Regularization.of("l2", Selector.weights(), Penalty.l2(lambda));
        return Regime.changingSetup("l2", "L2 penalty lambda " + number(lambda) + " on weights, in the loss",
                s -> s.withTrainer(t -> t.withRegularization(r)));
    }

    /**
     * Another optimizer for the run, e.g. decoupled weight decay (AdamW, Loshchilov and Hutter 2019) in place of
     * Adam; {@code optimizer} is called once per run, so each run has its own state.
     */
    public static Regime optimizer(String name, String description, Supplier<Optimizer> optimizer) {
        return Regime.changingSetup(name, description, s -> s.withOptimizer(optimizer.get()));
    }

    /** Dropout after every hidden activation, and on the inputs when {@code inputRate > 0} ({@link ModelChanges#dropout}). */
    public static Regime dropout(double rate, double inputRate) {
        String text = "dropout " + number(rate) + " after hidden activations"
                + (inputRate > 0 ? ", " + number(inputRate) + " on the inputs" : "");
        return Regime.changingSetup("dropout", text, s -> s.withModel(ModelChanges.dropout(s.model(), rate, inputRate)));
    }

    /** Batch normalization after every hidden dense layer ({@link ModelChanges#batchNormalization}). */
    public static Regime batchNormalization() {
        return Regime.changingSetup("batch_norm", "batch normalization after every hidden dense layer",
                s -> s.withModel(ModelChanges.batchNormalization(s.model())));
    }

    /**
     * Early stopping: {@code callback} is called once per run for a fresh callback (it is stateful), added after the
     * trainer's other callbacks.
     */
    public static Regime earlyStopping(String description, Supplier<EarlyStopping> callback) {
        return Regime.changingSetup("early_stopping", description, s -> s.withTrainer(t -> withCallback(t, callback.get())));
    }

    /** Training batches pass through {@code augmentation} (validation and test data are left as they are). */
    public static Regime augmentation(String description, Augmentation augmentation) {
        return Regime.changingSetup("augmentation", description, s -> s.withTrainer(t -> t.withAugmentation(augmentation)));
    }

    /** Several regimes at once, their changes applied in the order given. */
    public static Regime combination(String name, Regime... parts) {
        if (parts.length < 2) {
            throw new IllegalArgumentException("Regimes.combination '" + name + "': needs at least two regimes, got " + parts.length);
        }
        List<String> text = new ArrayList<>();
        List<UnaryOperator<RunFactory>> changes = new ArrayList<>();
        for (Regime r : parts) {
            text.add(r.description());
            changes.add(r.change());
        }
        return new Regime(name, String.join(" + ", text), base -> {
            RunFactory out = base;
            for (UnaryOperator<RunFactory> c : changes) {
                out = c.apply(out);
            }
            return out;
        });
    }

    /** The trainer with {@code callback} after those it has. */
    static dev.temper.train.Trainer withCallback(dev.temper.train.Trainer t, Callback callback) {
        List<Callback> all = new ArrayList<>(t.callbacks());
        all.add(callback);
        return t.withCallbacks(all.toArray(new Callback[0]));
    }

    /** A number as written in a description: plain decimal, no trailing zeros ({@code 0.0001}, {@code 3}). */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
