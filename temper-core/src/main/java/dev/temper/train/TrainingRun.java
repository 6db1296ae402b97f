package dev.temper.train;

import dev.temper.autograd.Parameter;
import dev.temper.nn.Model;
import dev.temper.optim.Optimizer;
import dev.temper.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The state of one {@link Trainer#fit} call that is not in the model or the optimizer: the epoch reached, the step
 * count, the history, the generator streams; and the two ways it crosses a process boundary, {@link #checkpoint}
 * and {@link #restore}.
 */
final class TrainingRun {
    private final Model model;
    private final Optimizer optimizer;
    private final List<Callback> callbacks;
    private final TrainingStreams streams;
    private final int batchSize;
    private final int trainExamples;
    private final TrainingControl control;
    private final History history = new History();
    private int epoch;
    private long step;

    /** @param callbacks the trainer's callbacks (not the listener), whose positions key their states */
    TrainingRun(Model model, Optimizer optimizer, List<Callback> callbacks, TrainingStreams streams, int batchSize,
                int trainExamples) {
        this.model = model;
        this.optimizer = optimizer;
        this.callbacks = callbacks;
        this.streams = streams;
        this.batchSize = batchSize;
        this.trainExamples = trainExamples;
        this.control = new TrainingControl(model, optimizer, this);
    }

    TrainingControl control() {
        return control;
    }

    TrainingStreams streams() {
        return streams;
    }

    History history() {
        return history;
    }

    /** The last epoch finished (0 before the first). */
    int epoch() {
        return epoch;
    }

    /** Counts one more batch trained; its number, from 1, across epochs. */
    long countStep() {
        return ++step;
    }

    void finishEpoch(EpochRecord record) {
        history.add(record);
        epoch = record.epoch();
    }

    TrainingCheckpoint checkpoint(Map<String, String> metadata) {
        Map<String, CallbackState> states = new LinkedHashMap<>();
        for (int i = 0; i < callbacks.size(); i++) {
            if (callbacks.get(i) instanceof StatefulCallback s) {
                states.put(key(i, s), s.exportState());
            }
        }
        return new TrainingCheckpoint(epoch, step, batchSize, trainExamples, history.epochs(),
                control.stopRequested() ? control.stopReason() : "", control.snapshotWeights(), optimizer.state(),
                optimizer.learningRate(), optimizer.hasSchedule(), streams.states(), states, metadata);
    }

    /**
     * Puts the run where {@code c} was taken, after checking that it belongs to a run like this one (every check
     * before any change, so a mismatch leaves the model as it was).
     *
     * @param epochs the epochs this fit runs in all
     * @param source names the checkpoint's origin in errors
     */
    void restore(TrainingCheckpoint c, int epochs, String source) {
        String problem = mismatch(c, epochs);
        if (problem != null) {
            throw new IllegalArgumentException("Trainer: cannot resume from " + source + ": " + problem);
        }
        for (int i = 0; i < callbacks.size(); i++) {
            if (callbacks.get(i) instanceof StatefulCallback s) {
                s.restoreState(c.callbacks().get(key(i, s)));
            }
        }
        control.loadWeights(c.weights());
        optimizer.restore(c.optimizerState());
        if (!c.scheduled()) {
            optimizer.setLearningRate(c.learningRate()); // a callback had replaced the schedule: so does the resumed run
        }
        streams.restore(c.streams());
        for (EpochRecord r : c.history()) {
            history.add(r);
        }
        epoch = c.epoch();
        step = c.step();
        if (!c.stopReason().isEmpty()) {
            control.stop(c.stopReason());
        }
    }

    private String mismatch(TrainingCheckpoint c, int epochs) {
        if (c.epoch() > epochs) {
            return "it was taken after epoch " + c.epoch() + ", but this fit runs " + epochs + " epochs";
        }
        if (c.batchSize() != batchSize || c.trainExamples() != trainExamples) {
            return "it was taken training on " + c.trainExamples() + " examples in batches of " + c.batchSize()
                    + ", this fit trains on " + trainExamples + " in batches of " + batchSize;
        }
        String streamProblem = streams.mismatch(c.streams());
        if (streamProblem != null) {
            return streamProblem;
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < callbacks.size(); i++) {
            if (callbacks.get(i) instanceof StatefulCallback s) {
                expected.add(key(i, s));
            }
        }
        if (!c.callbacks().keySet().equals(new LinkedHashSet<>(expected))) {
            return "it holds the states of the callbacks " + c.callbacks().keySet() + ", this trainer's stateful callbacks are "
                    + expected;
        }
        String weightProblem = weightsMismatch(c.weights());
        if (weightProblem != null) {
            return weightProblem;
        }
        Map<String, Parameter> parameters = model.namedParameters();
        for (String path : c.optimizerState().tensors().keySet()) {
            if (!parameters.containsKey(path)) {
                return "its optimizer state is for parameter '" + path + "', which the model does not have";
            }
        }
        if (c.scheduled() && !optimizer.hasSchedule()) {
            return "its optimizer followed a learning-rate schedule, this optimizer has none";
        }
        return null;
    }

    private String weightsMismatch(Map<String, Tensor> weights) {
        Map<String, Tensor> now = new LinkedHashMap<>();
        model.namedParameters().forEach((path, p) -> now.put(path, p.value()));
        now.putAll(model.namedBuffers());
        if (!now.keySet().equals(weights.keySet())) {
            List<String> missing = new ArrayList<>(now.keySet());
            missing.removeAll(weights.keySet());
            List<String> unexpected = new ArrayList<>(weights.keySet());
            unexpected.removeAll(now.keySet());
            return "its weights do not match the model: missing " + missing + ", unexpected " + unexpected;
        }
        for (Map.Entry<String, Tensor> e : now.entrySet()) {
            if (!weights.get(e.getKey()).shape().equals(e.getValue().shape())) {
                return "its weight '" + e.getKey() + "' has shape " + weights.get(e.getKey()).shape()
                        + ", the model's has " + e.getValue().shape();
            }
        }
        return null;
    }

    /** A stateful callback's key in a checkpoint: its position among the trainer's callbacks, and its class. */
    static String key(int position, Callback callback) {
        String name = callback.getClass().getSimpleName();
        return position + "." + (name.isEmpty() ? callback.getClass().getName() : name);
    }
}
