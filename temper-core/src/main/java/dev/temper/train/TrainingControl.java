package dev.temper.train;

import dev.temper.autograd.Parameter;
import dev.temper.nn.Model;
import dev.temper.optim.Optimizer;
import dev.temper.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Callback} may do to a run: request a stop (with a reason the history keeps), read and set the
 * optimizer's learning rate, copy or load the model's weights (parameters and buffers, by path), read the history
 * so far, and take a {@link TrainingCheckpoint} of the whole run. One per {@link Trainer#fit} call; tests build
 * their own to drive a callback with scripted epochs (such a control has no run: no history, no checkpoint).
 */
public final class TrainingControl {
    private final Model model;
    private final Optimizer optimizer;
    private final TrainingRun run;
    private String stopReason;
    private boolean stopNow;
    private boolean checkpointing;

    public TrainingControl(Model model, Optimizer optimizer) {
        this(model, optimizer, null);
    }

    TrainingControl(Model model, Optimizer optimizer, TrainingRun run) {
        if (model == null || optimizer == null) {
            throw new IllegalArgumentException("TrainingControl: model and optimizer must not be null, got model="
                    + model + ", optimizer=" + optimizer);
        }
        this.model = model;
        this.optimizer = optimizer;
        this.run = run;
    }

    /** The records of the epochs finished so far in this fit, restored ones included; empty without a run. */
    public List<EpochRecord> history() {
        return run == null ? List.of() : run.history().epochs();
    }

    /**
     * The whole run as it stands after the epoch just finished (weights, optimizer, generators, history, stop,
     * every {@link StatefulCallback}'s state), with {@code metadata} stored alongside. Only in
     * {@link Callback#onCheckpoint}: there every callback has seen the epoch's end, so the checkpoint resumes exactly.
     *
     * @throws IllegalStateException outside {@code onCheckpoint}, or for a control that drives no {@code fit}
     */
    public TrainingCheckpoint checkpoint(Map<String, String> metadata) {
        if (run == null) {
            throw new IllegalStateException("TrainingControl.checkpoint: this control drives no Trainer.fit run");
        }
        if (!checkpointing) {
            throw new IllegalStateException("TrainingControl.checkpoint: call it from Callback.onCheckpoint, where every "
                    + "callback has seen the end of the epoch (elsewhere the callbacks' states may be half updated)");
        }
        return run.checkpoint(metadata);
    }

    /** Marks the {@link Callback#onCheckpoint} phase, in which {@link #checkpoint} is allowed. */
    void checkpointing(boolean on) {
        checkpointing = on;
    }

    /**
     * Asks the trainer to stop after the current epoch (Keras's {@code model.stop_training = True}). The first
     * reason given is kept: it names what ended the run.
     */
    public void stop(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("TrainingControl.stop: reason must be a non-empty text, got '" + reason + "'");
        }
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    /**
     * Asks the trainer to stop at once: the epoch ends after the batch being trained, with no further optimizer step
     * (Keras's {@code TerminateOnNaN}; its fit loop checks {@code stop_training} after every batch). The epoch's
     * record covers the batches trained and names the step it was cut short at ({@link EpochRecord#cutShortAtStep});
     * no checkpoint is taken of the half epoch. Called outside {@link Callback#onBatchEnd} it takes effect after
     * the next batch (or at the epoch's end). The first reason given, by either kind of stop, is kept.
     */
    public void stopNow(String reason) {
        stop(reason);
        stopNow = true;
    }

    public boolean stopRequested() {
        return stopReason != null;
    }

    /** Whether {@link #stopNow} was asked: the trainer then ends the epoch after the current batch. */
    public boolean stopsNow() {
        return stopNow;
    }

    /** The first stop reason given, or null when no stop was requested. */
    public String stopReason() {
        return stopReason;
    }

    /** The rate the optimizer's next step will use. */
    public double learningRate() {
        return optimizer.learningRate();
    }

    /** A constant rate from the next step on; drops any schedule set on the optimizer (see {@link Optimizer}). */
    public void setLearningRate(double learningRate) {
        optimizer.setLearningRate(learningRate);
    }

    /** The model's parameters by path: live, so reading them during a run sees the current weights. */
    public Map<String, Parameter> namedParameters() {
        return model.namedParameters();
    }

    /** The model's buffers (batch-norm running statistics, ...) by path, live. */
    public Map<String, Tensor> namedBuffers() {
        return model.namedBuffers();
    }

    /** Copies of every parameter and buffer value, by path (parameters first), detached from the model. */
    public Map<String, Tensor> snapshotWeights() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> p : model.namedParameters().entrySet()) {
            out.put(p.getKey(), p.getValue().value().copy());
        }
        for (Map.Entry<String, Tensor> b : model.namedBuffers().entrySet()) {
            out.put(b.getKey(), b.getValue().copy());
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Writes {@code weights} (from {@link #snapshotWeights}) back into the model's parameters and buffers, in
     * place. The paths must be exactly the model's and the shapes equal.
     */
    public void loadWeights(Map<String, Tensor> weights) {
        Map<String, Tensor> targets = new LinkedHashMap<>();
        model.namedParameters().forEach((path, p) -> targets.put(path, p.value()));
        targets.putAll(model.namedBuffers());
        if (!targets.keySet().equals(weights.keySet())) {
            throw new IllegalArgumentException("TrainingControl.loadWeights: weights hold paths " + weights.keySet()
                    + ", the model has " + targets.keySet());
        }
        for (Map.Entry<String, Tensor> t : targets.entrySet()) {
            Tensor source = weights.get(t.getKey());
            if (!source.shape().equals(t.getValue().shape())) {
                throw new IllegalArgumentException("TrainingControl.loadWeights: '" + t.getKey() + "' has shape "
                        + source.shape() + ", the model expects " + t.getValue().shape());
            }
        }
        for (Map.Entry<String, Tensor> t : targets.entrySet()) {
            t.getValue().copyFromInPlace(weights.get(t.getKey()));
        }
    }
}
