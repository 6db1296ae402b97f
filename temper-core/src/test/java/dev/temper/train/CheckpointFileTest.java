package dev.temper.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.data.Dataset;
import dev.temper.io.ModelFileException;
import dev.temper.io.SafeTensors;
import dev.temper.io.TensorFile;
import dev.temper.loss.SoftmaxCrossEntropyLoss;
import dev.temper.nn.BatchNormalization;
import dev.temper.nn.Dense;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.optim.Adam;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint survives the file round trip whole, and every kind of damage to the file is a one-line error. */
class CheckpointFileTest {
    @TempDir
    Path dir;

    private TrainingCheckpoint taken;
    private Path file;

    /** Keeps the checkpoint taken after the last epoch. */
    private static final class Taker implements Callback {
        TrainingCheckpoint last;

        @Override
        public void onCheckpoint(int epoch, TrainingControl control) {
            last = control.checkpoint(Map.of("run", "test \"quoted\" \u00e9"));
        }
    }

    @BeforeEach
    void takeACheckpoint() {
        Rng rng = new Rng(5);
        Sequential model = new Sequential(new Dense(20, 8, rng), new BatchNormalization(8), new ReLU(), new Dense(8, 3, rng));
        Taker taker = new Taker();
        EarlyStopping early = EarlyStopping.defaults().withPatience(10).withRestoreBestWeights(true);
        Dataset train = TrainerTest.blobs(60, 1);
        new Trainer(model, new SoftmaxCrossEntropyLoss(), Adam.defaults().build())
                .withCallbacks(early, ReduceLROnPlateau.defaults(), taker)
                .fit(train, TrainerTest.blobs(30, 2), 2, 16, rng);
        taken = taker.last;
        file = dir.resolve("run.checkpoint.safetensors");
        CheckpointFile.write(file, taken);
    }

    @Test
    void everyPartReadsBackExactly() {
        TrainingCheckpoint read = CheckpointFile.read(file);
        assertEquals(2, read.epoch());
        assertEquals(taken.step(), read.step());
        assertEquals(8, read.step(), "60 examples in batches of 16: 4 steps per epoch");
        assertEquals(16, read.batchSize());
        assertEquals(60, read.trainExamples());
        assertEquals(taken.history(), read.history(), "records equal, NaN included, seconds included");
        assertEquals(taken.stopReason(), read.stopReason());
        assertEquals(taken.learningRate(), read.learningRate());
        assertEquals(taken.scheduled(), read.scheduled());
        assertEquals(taken.metadata(), read.metadata());
        assertSame(taken.weights(), read.weights());
        assertEquals(taken.optimizerState().steps(), read.optimizerState().steps());
        assertEquals(taken.optimizerState().tensors().keySet(), read.optimizerState().tensors().keySet());
        taken.optimizerState().tensors().forEach((path, named) -> assertSame(named, read.optimizerState().tensors().get(path)));
        assertEquals(taken.streams().keySet(), read.streams().keySet());
        taken.streams().forEach((name, state) -> assertArrayEquals(state, read.stream(name)));
        assertEquals(taken.callbacks().keySet(), read.callbacks().keySet());
        assertEquals(List.of("0.EarlyStopping", "1.ReduceLROnPlateau"), List.copyOf(read.callbacks().keySet()));
        taken.callbacks().forEach((key, state) -> {
            CallbackState back = read.callbacks().get(key);
            assertEquals(state.numbers(), back.numbers());
            assertEquals(state.texts(), back.texts());
            assertSame(state.tensors(), back.tensors());
        });
        assertFalse(read.callbacks().get("0.EarlyStopping").tensors().isEmpty(), "best weights are part of the state");
        assertEquals(taken.metadata(), CheckpointFile.readMetadata(file));
    }

    private static void assertSame(Map<String, Tensor> expected, Map<String, Tensor> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, t) -> assertTrue(t.contentEquals(actual.get(name)), name));
    }

    @Test
    void rewritingReplacesTheFileAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        CheckpointFile.write(file, taken);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file.getFileName().toString()), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    private String failure(Path bad, String expected) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> CheckpointFile.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void aTruncatedCheckpointIsAClearError() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.safetensors");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 100));
        failure(cut, "truncated");
        Files.write(cut, Arrays.copyOf(bytes, 4));
        failure(cut, "too short");
        Files.write(cut, new byte[0]);
        failure(cut, "only 0 bytes");
    }

    /** The file with its checkpoint state replaced by {@code state} (tensors and other metadata kept). */
    private Path withState(String name, String state, Map<String, Tensor> extraTensors) {
        TensorFile contents = SafeTensors.read(file);
        Map<String, String> metadata = new LinkedHashMap<>(contents.metadata());
        metadata.put("checkpoint", state);
        Map<String, Tensor> tensors = new LinkedHashMap<>(contents.tensors());
        tensors.putAll(extraTensors);
        Path out = dir.resolve(name);
        SafeTensors.write(out, tensors, metadata);
        return out;
    }

    private String state() {
        return SafeTensors.readMetadata(file).get("checkpoint");
    }

    @Test
    void damagedStateNamesTheField() {
        failure(withState("json.safetensors", state().substring(0, 40), Map.of()), "invalid JSON checkpoint state at character 40");
        failure(withState("missing.safetensors", state().replaceFirst("\"val_loss\":\"[^\"]*\",", ""), Map.of()),
                "checkpoint field 'history[0].val_loss' is missing");
        failure(withState("type.safetensors", state().replaceFirst("\"train_loss\":\"[^\"]*\"", "\"train_loss\":\"lots\""), Map.of()),
                "checkpoint field 'history[0].train_loss': expected a number written as a string, got \"lots\"");
        failure(withState("words.safetensors", state().replaceFirst("\"shuffle\":\\[\"[0-9a-f]+\",", "\"shuffle\":["), Map.of()),
                "checkpoint field 'streams.shuffle': expected 4 state words, got 3");
        failure(withState("epoch.safetensors", state().replaceFirst("\"epoch\":2,", "\"epoch\":3,"), Map.of()),
                "invalid checkpoint: TrainingCheckpoint: history must hold one record per finished epoch (3), got 2 records");
        failure(withState("extra.safetensors", state(), Map.of("stray", Tensor.zeros(2))),
                "tensor \"stray\" belongs to no part of the checkpoint");
        String noMoment = state().replaceFirst("\\[\"m\",\"v\"\\]", "[\"m\",\"v\",\"w\"]");
        failure(withState("lost.safetensors", noMoment, Map.of()), "checkpoint tensor \"optimizer/");
    }

    @Test
    void aWeightsFileOrAnotherVersionIsNotTakenForACheckpoint() {
        Path weights = dir.resolve("model.safetensors");
        SafeTensors.write(weights, Map.of("dense_1.kernel", Tensor.zeros(2, 2)), Map.of("format", "temper model weights"));
        failure(weights, "not a training checkpoint (its format is \"temper model weights\"");
        assertThrows(ModelFileException.class, () -> CheckpointFile.readMetadata(weights));
        TensorFile contents = SafeTensors.read(file);
        Map<String, String> metadata = new LinkedHashMap<>(contents.metadata());
        metadata.put("format_version", "2");
        Path future = dir.resolve("future.safetensors");
        SafeTensors.write(future, contents.tensors(), metadata);
        failure(future, "checkpoint format version \"2\"; this temper reads version 1");
    }

    @Test
    void reservedMetadataKeysAreRefused() {
        TrainingCheckpoint c = new TrainingCheckpoint(taken.epoch(), taken.step(), taken.batchSize(), taken.trainExamples(),
                taken.history(), taken.stopReason(), taken.weights(), taken.optimizerState(), taken.learningRate(),
                taken.scheduled(), taken.streams(), taken.callbacks(), Map.of("format", "mine"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckpointFile.write(file, c));
        assertTrue(e.getMessage().contains("'format' is reserved"), e.getMessage());
    }

    @Test
    void randomDamageIsAlwaysAModelFileExceptionOrAValidCheckpoint() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long headerLength = java.nio.ByteBuffer.wrap(bytes, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        Rng rng = new Rng(2024);
        Path bad = dir.resolve("damaged.safetensors");
        int errors = 0;
        for (int trial = 0; trial < 300; trial++) {
            byte[] damaged = bytes.clone();
            if (trial % 3 == 0) {
                damaged = Arrays.copyOf(bytes, rng.nextInt(bytes.length));
            } else {
                // mostly in the header, where the structure is; a byte of tensor data only changes a value
                int at = trial % 3 == 1 ? 8 + rng.nextInt((int) headerLength) : rng.nextInt(bytes.length);
                damaged[at] = (byte) rng.nextInt(256);
            }
            Files.write(bad, damaged);
            try {
                CheckpointFile.read(bad);
            } catch (ModelFileException e) {
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                errors++;
            }
        }
        assertTrue(errors > 150, "most damage is detected, got " + errors + " of 300");
    }
}
