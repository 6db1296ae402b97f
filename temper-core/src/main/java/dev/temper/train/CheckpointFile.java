package dev.temper.train;

import dev.temper.io.ModelFileException;
import dev.temper.io.SafeTensors;
import dev.temper.io.StrictJson;
import dev.temper.io.TensorFile;
import dev.temper.optim.OptimizerState;
import dev.temper.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link TrainingCheckpoint} as one safetensors file, so that a single atomic write (temporary file, fsync,
 * rename: {@link SafeTensors#write}) replaces the previous checkpoint whole; a crash mid-write leaves the old file.
 *
 * <p>Layout: the tensors {@code model/<path>} (weights and buffers), {@code optimizer/<path>/<name>} (the
 * optimizer's per-parameter state) and {@code callback/<key>/<name>} (tensors of callback states, such as the best
 * weights of early stopping); the metadata {@code format} ({@value #FORMAT}), {@code format_version} and
 * {@code checkpoint}: a JSON object (the strict subset of {@link StrictJson}) holding everything else: epoch, step,
 * batch size, training-set size, stop reason, the optimizer's step count, rate and which tensors it owns, each
 * generator's four state words (hexadecimal), the history, and each callback's numbers and texts. Numbers that are
 * not integers are strings written by {@link Double#toString}, which round-trip exactly. Any other metadata keys
 * are the caller's ({@link TrainingCheckpoint#metadata()}).
 *
 * <p>Reading checks everything: the safetensors layer validates the file before allocating; here every field must
 * be present with its type, every tensor must belong to exactly one part, and the result must make a valid
 * checkpoint. Every problem is a one-line {@link ModelFileException} naming the file.
 */
public final class CheckpointFile {
    /** The {@code format} metadata value that marks a training checkpoint. */
    public static final String FORMAT = "temper training checkpoint";
    /** The layout version this code writes and reads. */
    public static final int VERSION = 1;

    private static final String FORMAT_KEY = "format";
    private static final String VERSION_KEY = "format_version";
    private static final String STATE_KEY = "checkpoint";
    private static final Set<String> RESERVED = Set.of(FORMAT_KEY, VERSION_KEY, STATE_KEY);
    private static final String MODEL = "model/";
    private static final String OPTIMIZER = "optimizer/";
    private static final String CALLBACK = "callback/";

    private CheckpointFile() {}

    /**
     * Writes {@code checkpoint} to {@code file} atomically.
     *
     * @throws IllegalArgumentException if the caller's metadata uses a reserved key ({@code format},
     *     {@code format_version}, {@code checkpoint})
     * @throws ModelFileException if the file cannot be written
     */
    public static void write(Path file, TrainingCheckpoint checkpoint) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        checkpoint.weights().forEach((path, t) -> put(tensors, MODEL + path, t));
        Map<String, Object> optimizerTensors = new LinkedHashMap<>();
        new TreeMap<>(checkpoint.optimizerState().tensors()).forEach((path, named) -> {
            List<Object> names = new ArrayList<>();
            new TreeMap<>(named).forEach((name, t) -> {
                put(tensors, OPTIMIZER + path + "/" + name, t);
                names.add(name);
            });
            optimizerTensors.put(path, names);
        });
        Map<String, Object> callbacks = new LinkedHashMap<>();
        checkpoint.callbacks().forEach((key, state) -> {
            state.tensors().forEach((name, t) -> put(tensors, CALLBACK + key + "/" + name, t));
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("numbers", numbers(state.numbers()));
            one.put("texts", new LinkedHashMap<>(state.texts()));
            one.put("tensors", new ArrayList<Object>(state.tensors().keySet()));
            callbacks.put(key, one);
        });

        Map<String, Object> optimizer = new LinkedHashMap<>();
        optimizer.put("steps", checkpoint.optimizerState().steps());
        optimizer.put("learning_rate", CheckpointFields.number(checkpoint.learningRate()));
        optimizer.put("scheduled", checkpoint.scheduled() ? 1 : 0);
        optimizer.put("tensors", optimizerTensors);
        Map<String, Object> streams = new LinkedHashMap<>();
        checkpoint.streams().forEach((name, state) -> {
            List<Object> words = new ArrayList<>();
            for (long w : state) {
                words.add(Long.toHexString(w));
            }
            streams.put(name, words);
        });
        List<Object> history = new ArrayList<>();
        for (EpochRecord r : checkpoint.history()) {
            history.add(record(r));
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("epoch", checkpoint.epoch());
        state.put("step", checkpoint.step());
        state.put("batch_size", checkpoint.batchSize());
        state.put("train_examples", checkpoint.trainExamples());
        state.put("stop_reason", checkpoint.stopReason());
        state.put("optimizer", optimizer);
        state.put("streams", streams);
        state.put("history", history);
        state.put("callbacks", callbacks);

        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FORMAT_KEY, FORMAT);
        metadata.put(VERSION_KEY, Integer.toString(VERSION));
        metadata.put(STATE_KEY, StrictJson.write(state));
        for (Map.Entry<String, String> m : checkpoint.metadata().entrySet()) {
            if (RESERVED.contains(m.getKey())) {
                throw new IllegalArgumentException("CheckpointFile.write: metadata key '" + m.getKey()
                        + "' is reserved for the checkpoint itself (" + RESERVED + ")");
            }
            metadata.put(m.getKey(), m.getValue());
        }
        SafeTensors.write(file, tensors, metadata);
    }

    /**
     * Reads and validates a checkpoint written by {@link #write}.
     *
     * @throws ModelFileException if the file cannot be read, is not a training checkpoint, or any part is invalid
     */
    public static TrainingCheckpoint read(Path file) {
        TensorFile contents = SafeTensors.read(file);
        CheckpointFields root = CheckpointFields.root(file, state(file, contents.metadata()));
        Set<String> unclaimed = new LinkedHashSet<>(contents.tensors().keySet());
        Map<String, Tensor> weights = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> t : contents.tensors().entrySet()) {
            if (t.getKey().startsWith(MODEL)) {
                weights.put(t.getKey().substring(MODEL.length()), t.getValue());
                unclaimed.remove(t.getKey());
            }
        }
        CheckpointFields optimizer = root.object("optimizer");
        CheckpointFields optimizerTensors = optimizer.object("tensors");
        Map<String, Map<String, Tensor>> optimizerState = new LinkedHashMap<>();
        for (String path : optimizerTensors.keys()) {
            Map<String, Tensor> named = new LinkedHashMap<>();
            for (String name : optimizerTensors.strings(path)) {
                named.put(name, claim(file, contents, unclaimed, OPTIMIZER + path + "/" + name));
            }
            optimizerState.put(path, named);
        }
        CheckpointFields streamFields = root.object("streams");
        Map<String, long[]> streams = new LinkedHashMap<>();
        for (String name : streamFields.keys()) {
            streams.put(name, words(streamFields, name));
        }
        List<EpochRecord> history = new ArrayList<>();
        for (CheckpointFields r : root.objects("history")) {
            history.add(record(r));
        }
        CheckpointFields callbackFields = root.object("callbacks");
        Map<String, CallbackState> callbacks = new LinkedHashMap<>();
        for (String key : callbackFields.keys()) {
            CheckpointFields one = callbackFields.object(key);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (String name : one.strings("tensors")) {
                tensors.put(name, claim(file, contents, unclaimed, CALLBACK + key + "/" + name));
            }
            callbacks.put(key, newState(file, key, one.numbers("numbers"), one.texts("texts"), tensors));
        }
        if (!unclaimed.isEmpty()) {
            throw new ModelFileException(file, "tensor \"" + unclaimed.iterator().next()
                    + "\" belongs to no part of the checkpoint (" + unclaimed.size() + " such tensors)");
        }
        Map<String, String> metadata = new LinkedHashMap<>(contents.metadata());
        metadata.keySet().removeAll(RESERVED);
        try {
            return new TrainingCheckpoint(
                    (int) root.integer("epoch", 0, Integer.MAX_VALUE), root.integer("step", 0, Long.MAX_VALUE),
                    (int) root.integer("batch_size", 1, Integer.MAX_VALUE),
                    (int) root.integer("train_examples", 0, Integer.MAX_VALUE), history, root.text("stop_reason"),
                    weights, new OptimizerState(optimizer.integer("steps", 0, Long.MAX_VALUE), optimizerState),
                    optimizer.number("learning_rate"), optimizer.integer("scheduled", 0, 1) == 1, streams, callbacks,
                    metadata);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "invalid checkpoint: " + e.getMessage());
        }
    }

    /**
     * The caller's metadata of a checkpoint file (the keys {@link #write} did not add), reading only its header;
     * for deciding whether a checkpoint belongs to a run before loading it.
     *
     * @throws ModelFileException if the file cannot be read or is not a training checkpoint
     */
    public static Map<String, String> readMetadata(Path file) {
        Map<String, String> metadata = new LinkedHashMap<>(SafeTensors.readMetadata(file));
        checkFormat(file, metadata);
        metadata.keySet().removeAll(RESERVED);
        return metadata;
    }

    private static Object state(Path file, Map<String, String> metadata) {
        checkFormat(file, metadata);
        String state = metadata.get(STATE_KEY);
        if (state == null) {
            throw new ModelFileException(file, "checkpoint metadata lacks its \"" + STATE_KEY + "\" entry");
        }
        try {
            return StrictJson.parse(state, "checkpoint state");
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, e.getMessage());
        }
    }

    private static void checkFormat(Path file, Map<String, String> metadata) {
        String format = metadata.get(FORMAT_KEY);
        if (!FORMAT.equals(format)) {
            throw new ModelFileException(file, "not a training checkpoint (its format is "
                    + (format == null ? "not given" : "\"" + shorten(format) + "\"") + ", expected \"" + FORMAT + "\")");
        }
        String version = metadata.get(VERSION_KEY);
        if (!Integer.toString(VERSION).equals(version)) {
            throw new ModelFileException(file, "checkpoint format version " + (version == null ? "missing" : "\""
                    + shorten(version) + "\"") + "; this temper reads version " + VERSION);
        }
    }

    private static void put(Map<String, Tensor> tensors, String name, Tensor t) {
        if (tensors.put(name, t) != null) {
            throw new IllegalArgumentException("CheckpointFile.write: two parts of the checkpoint map to the tensor name '"
                    + name + "' (a path with '/' in it?)");
        }
    }

    private static Tensor claim(Path file, TensorFile contents, Set<String> unclaimed, String name) {
        Tensor t = contents.tensors().get(name);
        if (t == null || !unclaimed.remove(name)) {
            throw new ModelFileException(file, "checkpoint tensor \"" + shorten(name) + "\" is missing");
        }
        return t;
    }

    private static long[] words(CheckpointFields streams, String name) {
        List<String> hex = streams.strings(name);
        if (hex.size() != 4) {
            throw streams.problem(name, "expected 4 state words, got " + hex.size());
        }
        long[] out = new long[4];
        for (int i = 0; i < 4; i++) {
            try {
                out[i] = Long.parseUnsignedLong(hex.get(i), 16);
            } catch (NumberFormatException e) {
                throw streams.problem(name + "[" + i + "]", "expected a hexadecimal 64-bit word, got \"" + shorten(hex.get(i)) + "\"");
            }
        }
        return out;
    }

    private static Map<String, Object> record(EpochRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("epoch", r.epoch());
        out.put("train_loss", CheckpointFields.number(r.trainLoss()));
        out.put("train_penalty", CheckpointFields.number(r.trainPenalty()));
        out.put("train_accuracy", CheckpointFields.number(r.trainAccuracy()));
        out.put("val_loss", CheckpointFields.number(r.validationLoss()));
        out.put("val_accuracy", CheckpointFields.number(r.validationAccuracy()));
        out.put("seconds", CheckpointFields.number(r.seconds()));
        out.put("penalty_terms", numbers(r.penaltyTerms()));
        out.put("metrics", numbers(r.metrics()));
        return out;
    }

    private static EpochRecord record(CheckpointFields r) {
        return new EpochRecord((int) r.integer("epoch", 1, Integer.MAX_VALUE), r.number("train_loss"),
                r.number("train_penalty"), r.number("train_accuracy"), r.number("val_loss"), r.number("val_accuracy"),
                r.number("seconds"), r.numbers("penalty_terms"), r.numbers("metrics"));
    }

    private static Map<String, Object> numbers(Map<String, Double> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, CheckpointFields.number(v)));
        return out;
    }

    private static CallbackState newState(Path file, String key, Map<String, Double> numbers, Map<String, String> texts,
                                          Map<String, Tensor> tensors) {
        try {
            return new CallbackState(numbers, texts, tensors);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "state of callback \"" + shorten(key) + "\": " + e.getMessage());
        }
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
