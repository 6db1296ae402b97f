package dev.temper.train;

import dev.temper.autograd.NoGrad;
import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.data.Augmentation;
import dev.temper.data.Batch;
import dev.temper.data.Batches;
import dev.temper.data.Dataset;
import dev.temper.data.Mixup;
import dev.temper.data.MixupDraw;
import dev.temper.loss.Loss;
import dev.temper.metric.Accuracy;
import dev.temper.metric.Metric;
import dev.temper.nn.ForwardContext;
import dev.temper.nn.Model;
import dev.temper.optim.Optimizer;
import dev.temper.optim.SharpnessAwareMinimization;
import dev.temper.regularize.ActivityPenalties;
import dev.temper.regularize.PostStep;
import dev.temper.regularize.Regularization;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Trains a model with a loss and an optimizer: epochs of seeded, shuffled mini-batches, each followed by an
 * evaluation of the validation set. Batch size 1 is online SGD; a batch as large as the set is full-batch
 * gradient descent.
 *
 * <p>Reproducibility: all randomness (shuffling, dropout and the other stochastic layers, augmentation, mixup) comes from
 * the generator passed to {@link #fit}; with the same seed and thread count, two runs give bit-identical weights and
 * history, and so does a run interrupted and resumed from a {@link TrainingCheckpoint}.
 *
 * <p>Regularization belongs to the run: {@link #withRegularization} adds penalties to the data loss before each
 * backward pass, {@link #withPostStep} applies projections (constraints) and proximal steps to the parameters
 * after each optimizer step, in the order given. The history reports the data loss and the penalty separately.
 */
public final class Trainer {
    private final Model model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Map<String, Parameter> parameters;
    private final Regularization regularization;
    private final List<PostStep> postSteps;
    private final ActivityPenalties activityPenalties;
    private final List<Metric> metrics;
    private final SharpnessAwareMinimization sam;
    private final List<Callback> callbacks;
    private final Augmentation augmentation;
    private final Mixup mixup;

    public Trainer(Model model, Loss loss, Optimizer optimizer) {
        this(model, loss, optimizer, TrainingOptions.none());
    }

    private Trainer(Model model, Loss loss, Optimizer optimizer, TrainingOptions options) {
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
        this.parameters = model.namedParameters();
        this.regularization = options.regularization();
        this.postSteps = options.postSteps();
        this.activityPenalties = options.activityPenalties();
        this.metrics = options.metrics();
        this.sam = options.sam();
        this.callbacks = options.callbacks();
        this.augmentation = options.augmentation();
        this.mixup = options.mixup();
    }

    private TrainingOptions options() {
        return new TrainingOptions(regularization, postSteps, activityPenalties, metrics, sam, callbacks, augmentation, mixup);
    }

    private Trainer with(TrainingOptions options) {
        return new Trainer(model, loss, optimizer, options);
    }

    /**
     * A trainer of the same model, loss and optimizer that passes every training batch's features through
     * {@code augmentation} (drawing from a stream of its own, split off the run's generator) before the forward
     * pass. Validation, evaluation and prediction see the data as it is. Null turns it off.
     */
    public Trainer withAugmentation(Augmentation augmentation) {
        return with(options().withAugmentation(augmentation));
    }

    /**
     * A trainer of the same model, loss and optimizer that trains with mixup (Zhang, Cisse, Dauphin and Lopez-Paz
     * 2018, "mixup: Beyond empirical risk minimization"): for every training batch (after {@link #withAugmentation}'s
     * changes) it draws {@code lambda ~ Beta(alpha, alpha)} and a permutation {@code p} of the batch from a stream of
     * its own ({@code mixup}, split off the run's generator after the others and saved in checkpoints, so a resumed
     * run draws the same), feeds the model {@code x'_i = lambda x_i + (1 - lambda) x_p(i)} and minimizes
     * {@code lambda L(out, y) + (1 - lambda) L(out, y_p)}, the partner targets gathered by row. Null turns it off.
     *
     * <p>Mixing the loss rather than the targets works with every loss and with class indices as targets. For
     * cross-entropy, which is linear in the target, it equals the paper's loss on mixed one-hot targets exactly; for
     * squared error the two differ by a term that does not depend on the output ({@code lambda (1 - lambda)
     * |y - y_p|^2} per element), so their gradients are the same; for other losses (absolute error, Huber) it is the
     * weighted loss, not the loss of mixed targets.
     *
     * <p>The training figures are of the batches as trained: the loss is the mixed loss, and the accuracy and the
     * metrics compare the outputs for the mixed features with each row's own (first) targets {@code y}, so they read
     * lower than without mixup (a row mostly made of its partner counts as wrong). Validation, evaluation and
     * prediction see the data as it is.
     */
    public Trainer withMixup(Mixup mixup) {
        return with(options().withMixup(mixup));
    }

    /**
     * A trainer of the same model, loss and optimizer that calls {@code callbacks} (in this order) during
     * {@link #fit}, replacing any set before. Callbacks are stateful: one instance per concurrent run. A
     * checkpoint keys each {@link StatefulCallback}'s state by its position here, so a resumed run must list the
     * same callbacks in the same order.
     */
    public Trainer withCallbacks(Callback... callbacks) {
        for (int i = 0; i < callbacks.length; i++) {
            if (callbacks[i] == null) {
                throw new IllegalArgumentException("Trainer: callback " + i + " must not be null");
            }
        }
        return with(options().withCallbacks(List.of(callbacks)));
    }

    public List<Callback> callbacks() {
        return callbacks;
    }

    /**
     * A trainer of the same model, loss and optimizer whose every step is sharpness-aware ({@code sam}): two
     * forward and backward passes per batch, the optimizer stepping with the gradient taken at the perturbed
     * weights. Null turns it off. The second pass is a training pass too: dropout draws new masks and batch
     * normalization folds the perturbed batch statistics into its running ones (as simple SAM implementations do).
     */
    public Trainer withSharpnessAwareMinimization(SharpnessAwareMinimization sam) {
        return with(options().withSam(sam));
    }

    /**
     * A trainer of the same model, loss and optimizer that also measures {@code metrics} on the training batches
     * (as trained, like the loss) and on the validation set each epoch, reported by name in the history
     * ({@code name} and {@code val_name}, as Keras does) and in {@link #evaluate}. Replaces any set before; the
     * metrics given are templates, never updated themselves.
     */
    public Trainer withMetrics(Metric... metrics) {
        Set<String> names = new HashSet<>();
        for (Metric m : metrics) {
            if (!names.add(m.name())) {
                throw new IllegalArgumentException("Trainer: two metrics are named '" + m.name() + "'");
            }
        }
        return with(options().withMetrics(List.of(metrics)));
    }

    /**
     * A trainer of the same model, loss and optimizer that also penalizes the outputs recorded by the model's
     * {@code ActivityRegularization} layers (by their names) with {@code penalties} (replacing any set before).
     */
    public Trainer withActivityPenalties(ActivityPenalties penalties) {
        if (penalties == null) {
            throw new IllegalArgumentException("Trainer: activity penalties must not be null (use ActivityPenalties.none())");
        }
        return with(options().withActivityPenalties(penalties));
    }

    /**
     * A trainer of the same model, loss and optimizer (shared, not copied) whose loss also carries
     * {@code regularization}'s penalties (replacing any set before).
     */
    public Trainer withRegularization(Regularization regularization) {
        if (regularization == null) {
            throw new IllegalArgumentException("Trainer: regularization must not be null (use Regularization.none())");
        }
        return with(options().withRegularization(regularization));
    }

    /**
     * A trainer of the same model, loss and optimizer that also applies {@code step} to the parameters after each
     * optimizer step, after the post-steps added before (a constraint, {@code Constraints}, or {@code ProximalL1},
     * which is given the optimizer's current learning rate).
     */
    public Trainer withPostStep(PostStep step) {
        if (step == null) {
            throw new IllegalArgumentException("Trainer: post-step must not be null");
        }
        List<PostStep> more = new ArrayList<>(postSteps);
        more.add(step);
        return with(options().withPostSteps(more));
    }

    public Regularization regularization() {
        return regularization;
    }

    public List<PostStep> postSteps() {
        return postSteps;
    }

    /** {@link #fit(Dataset, Dataset, int, int, Rng, EpochListener)} without a listener (callbacks only). */
    public History fit(Dataset train, Dataset validation, int epochs, int batchSize, Rng rng) {
        return fit(train, validation, epochs, batchSize, rng, EpochListener.none());
    }

    /**
     * Trains for at most {@code epochs} epochs, calling {@code listener} after each epoch, before the trainer's
     * callbacks. A stop requested by a callback ends the run after the current epoch; the history keeps the reason.
     * A stop requested with {@link TrainingControl#stopNow} (as {@link TerminateOnNaN} does) ends the epoch after the
     * batch being trained: no further optimizer step, the epoch's record is that of the batches trained and says
     * where it was cut short ({@link EpochRecord#cutShortAtStep}), the validation set is still evaluated and
     * {@link Callback#onEpochEnd} still runs, but {@link Callback#onCheckpoint} does not (a backup or checkpoint holds
     * whole epochs only, so the last backup stays that of the epoch before). Asked at an epoch's last batch, it is an
     * ordinary stop after that epoch.
     *
     * <p>When a {@link ResumeSource} callback (such as {@link BackupAndRestore}) holds a checkpoint, the run resumes
     * from it: weights, optimizer state, generator streams, history and callback states are restored, and training
     * continues with the epoch after the checkpoint's. The result is bit for bit that of the uninterrupted run
     * (same seed, data and thread count), wall-clock seconds aside. {@code rng} is split exactly as in a fresh run,
     * so the caller's generator ends in the same state either way.
     *
     * @param validation evaluated after every epoch; may be null
     * @param rng the run's generator: the shuffle order and stochastic layers draw from streams split off it
     */
    public History fit(Dataset train, Dataset validation, int epochs, int batchSize, Rng rng, EpochListener listener) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        TrainingStreams streams = TrainingStreams.split(rng, augmentation != null, mixup != null);
        TrainingRun run = new TrainingRun(model, optimizer, callbacks, streams, batchSize, train.size());
        TrainingControl control = run.control();
        List<Callback> all = new ArrayList<>();
        all.add(Callback.of(listener));
        all.addAll(callbacks);
        resumeIfAsked(run, epochs);
        for (Callback c : all) {
            c.onTrainBegin(control);
        }
        TrainingStep step = new TrainingStep(model, loss, optimizer, parameters, options());
        for (int epoch = run.epoch() + 1; epoch <= epochs && !control.stopRequested(); epoch++) {
            for (Callback c : all) {
                c.onEpochBegin(epoch, control);
            }
            long start = System.nanoTime();
            EpochTotals totals = new EpochTotals(loss.classification(), metrics);
            long cutShortAtStep = 0;
            // each batch is done with before the next is gathered: one features tensor serves the epoch
            Batches batches = new Batches(train, batchSize, streams.shuffle(), false).reusingFeatures();
            int trained = 0;
            for (Batch plain : batches) {
                Batch batch = augmentation == null ? plain
                        : new Batch(augmentation.apply(plain.features(), streams.augmentation()), plain.targets());
                MixupDraw mix = mixup == null ? null : mixup.draw(batch.size(), streams.mixup());
                TrainingStep.Result result = step.train(batch, mix, streams.layers());
                totals.add(batch, result);
                long stepNumber = run.countStep();
                for (Callback c : all) {
                    c.onBatchEnd(epoch, stepNumber, result.batchLoss(), control);
                }
                trained++;
                if (control.stopsNow()) {
                    // at the epoch's last batch there is nothing left to cut: an ordinary stop after the epoch
                    cutShortAtStep = trained < batches.count() ? stepNumber : 0;
                    break;
                }
            }
            Evaluation val = validation == null || validation.size() == 0 ? null : evaluate(validation, validationBatchSize(batchSize));
            EpochRecord record = totals.record(epoch, val, (System.nanoTime() - start) / 1e9, cutShortAtStep);
            run.finishEpoch(record);
            for (Callback c : all) {
                c.onEpochEnd(record, control);
            }
            if (record.cutShort()) {
                break; // no checkpoint of half an epoch; the stop was requested, so no epoch follows anyway
            }
            control.checkpointing(true);
            try {
                for (Callback c : all) {
                    c.onCheckpoint(epoch, control);
                }
            } finally {
                control.checkpointing(false);
            }
        }
        History history = run.history();
        if (control.stopRequested()) {
            history.stoppedBecause(control.stopReason());
        }
        for (Callback c : all) {
            c.onTrainEnd(history, control);
        }
        return history;
    }

    /**
     * The batch size {@link #fit} evaluates the validation set with: at least 256 (no gradients are kept, so larger
     * batches only go faster). Public so that a later evaluation can batch alike and agree with the history to the
     * last bit (float sums depend on how they are grouped).
     */
    public static int validationBatchSize(int trainingBatchSize) {
        return Math.max(trainingBatchSize, 256);
    }

    /** Restores the run from the checkpoint a {@link ResumeSource} callback holds, if one does. */
    private void resumeIfAsked(TrainingRun run, int epochs) {
        ResumeSource from = null;
        TrainingCheckpoint checkpoint = null;
        for (Callback c : callbacks) {
            if (c instanceof ResumeSource source) {
                Optional<TrainingCheckpoint> found = source.checkpointToResume();
                if (found.isPresent()) {
                    if (checkpoint != null) {
                        throw new IllegalArgumentException("Trainer: both " + from + " and " + source
                                + " hold a checkpoint to resume from; keep one");
                    }
                    from = source;
                    checkpoint = found.get();
                }
            }
        }
        if (checkpoint != null) {
            run.restore(checkpoint, epochs, String.valueOf(from));
        }
    }

    private List<Metric> freshMetrics() {
        List<Metric> out = new ArrayList<>();
        for (Metric m : metrics) {
            out.add(m.fresh());
        }
        return out;
    }

    /**
     * Mean loss (and accuracy for classification, and the trainer's metrics) over a dataset, in inference mode,
     * without a graph.
     */
    public Evaluation evaluate(Dataset data, int batchSize) {
        double lossSum = 0;
        long correct = 0;
        List<Metric> measured = freshMetrics();
        try (NoGrad scope = NoGrad.enter()) {
            for (Batch batch : new Batches(data, batchSize, null, false)) {
                Variable output = model.forward(Variable.constant(batch.features()), ForwardContext.inference());
                lossSum += loss.compute(output, batch.targets()).value().item() * batch.size();
                if (loss.classification()) {
                    correct += Accuracy.correct(output.value(), batch.targets());
                }
                for (Metric m : measured) {
                    m.update(output.value(), batch.targets());
                }
            }
        }
        int n = data.size();
        Map<String, Double> values = new LinkedHashMap<>();
        for (Metric m : measured) {
            values.put(m.name(), m.result());
        }
        return new Evaluation(n == 0 ? Double.NaN : lossSum / n,
                loss.classification() && n > 0 ? (double) correct / n : Double.NaN, n, values);
    }

    /** The model's outputs for {@code features}, in inference mode, computed in batches. */
    public Tensor predict(Tensor features, int batchSize) {
        List<Tensor> parts = new ArrayList<>();
        try (NoGrad scope = NoGrad.enter()) {
            for (int start = 0; start < features.dim(0); start += batchSize) {
                int end = Math.min(features.dim(0), start + batchSize);
                parts.add(model.forward(Variable.constant(features.rows(start, end).contiguous()), ForwardContext.inference()).value());
            }
        }
        return Tensor.concat(0, parts.toArray(new Tensor[0]));
    }
}
