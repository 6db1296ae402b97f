package dev.temper.train;

import dev.temper.optim.OptimizerState;
import dev.temper.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a {@link Trainer#fit} run needs to continue after epoch {@code epoch} exactly as if it had never
 * stopped: the weights, the optimizer's state and learning rate, the state of every generator the run draws from,
 * the history so far, a stop already decided, and each {@link StatefulCallback}'s state. Taken with
 * {@link TrainingControl#checkpoint} (in {@link Callback#onCheckpoint}), kept in a file by {@link CheckpointFile},
 * resumed through a {@link ResumeSource} such as {@link BackupAndRestore}.
 *
 * <p>The maps are copied (the tensors themselves are not: {@link TrainingControl#checkpoint} already hands over
 * copies, and a checkpoint read from a file owns its tensors).
 *
 * @param epoch epochs finished, >= 0; the resumed fit starts at {@code epoch + 1}
 * @param step batches trained so far (the step numbers callbacks see continue from it)
 * @param batchSize the fit's batch size; a resumed fit must use the same one
 * @param trainExamples the size of the training set; a resumed fit must train on a set of this size
 * @param history the records of epochs 1 to {@code epoch}, in order, each of a whole epoch (none cut short)
 * @param stopReason the stop a callback requested by the end of epoch {@code epoch}, or empty
 * @param weights every parameter and buffer of the model by path
 * @param optimizerState the optimizer's step count and per-parameter state
 * @param learningRate the optimizer's current rate (used on resume when no schedule sets it)
 * @param scheduled whether the optimizer's schedule still sets the rate (a callback may have replaced it)
 * @param streams each generator's state by stream name ({@code shuffle}, {@code layers}, {@code augmentation}, {@code mixup})
 * @param callbacks each stateful callback's state, keyed by its position among the trainer's callbacks and its
 *     class ({@code 1.EarlyStopping})
 * @param metadata free-form strings stored with the checkpoint (the command line's run configuration)
 */
public record TrainingCheckpoint(int epoch, long step, int batchSize, int trainExamples, List<EpochRecord> history,
                                 String stopReason, Map<String, Tensor> weights, OptimizerState optimizerState,
                                 double learningRate, boolean scheduled, Map<String, long[]> streams,
                                 Map<String, CallbackState> callbacks, Map<String, String> metadata) {

    public TrainingCheckpoint {
        if (epoch < 0) {
            throw new IllegalArgumentException("TrainingCheckpoint: epoch must be >= 0, got " + epoch);
        }
        if (step < 0) {
            throw new IllegalArgumentException("TrainingCheckpoint: step must be >= 0, got " + step);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("TrainingCheckpoint: batchSize must be >= 1, got " + batchSize);
        }
        if (trainExamples < 0) {
            throw new IllegalArgumentException("TrainingCheckpoint: trainExamples must be >= 0, got " + trainExamples);
        }
        if (history == null || history.size() != epoch) {
            throw new IllegalArgumentException("TrainingCheckpoint: history must hold one record per finished epoch ("
                    + epoch + "), got " + (history == null ? "null" : history.size() + " records"));
        }
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).epoch() != i + 1) {
                throw new IllegalArgumentException("TrainingCheckpoint: history record " + i + " is of epoch "
                        + history.get(i).epoch() + ", expected " + (i + 1));
            }
            if (history.get(i).cutShort()) {
                // the trainer takes no checkpoint of an epoch cut short: resuming after half an epoch is not exact
                throw new IllegalArgumentException("TrainingCheckpoint: history record " + i + " is of an epoch cut short at step "
                        + history.get(i).cutShortAtStep() + "; a checkpoint holds whole epochs only");
            }
        }
        if (stopReason == null) {
            throw new IllegalArgumentException("TrainingCheckpoint: stopReason must not be null (empty for none)");
        }
        if (weights == null || optimizerState == null || streams == null || callbacks == null || metadata == null) {
            throw new IllegalArgumentException("TrainingCheckpoint: weights, optimizerState, streams, callbacks and "
                    + "metadata must not be null");
        }
        if (!(learningRate >= 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("TrainingCheckpoint: learningRate must be finite and >= 0, got " + learningRate);
        }
        Map<String, long[]> streamCopies = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> s : streams.entrySet()) {
            long[] state = s.getValue();
            if (state == null || state.length != 4 || (state[0] | state[1] | state[2] | state[3]) == 0) {
                throw new IllegalArgumentException("TrainingCheckpoint: stream '" + s.getKey()
                        + "' must hold 4 longs, not all zero (a generator state)");
            }
            streamCopies.put(s.getKey(), state.clone());
        }
        history = List.copyOf(history);
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        streams = Collections.unmodifiableMap(streamCopies);
        callbacks = Collections.unmodifiableMap(new LinkedHashMap<>(callbacks));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The state of stream {@code name}, copied (the record's arrays are never handed out). */
    public long[] stream(String name) {
        long[] s = streams.get(name);
        if (s == null) {
            throw new IllegalArgumentException("TrainingCheckpoint: no stream '" + name + "', it has " + streams.keySet());
        }
        return s.clone();
    }
}
