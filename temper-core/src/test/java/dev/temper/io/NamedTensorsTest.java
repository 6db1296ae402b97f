package dev.temper.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving named values and loading them back into existing tensors, all or nothing. */
class NamedTensorsTest {
    @TempDir
    Path dir;

    private static Map<String, Tensor> model(long seed) {
        Rng rng = new Rng(seed);
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("0.weight", rng.uniform(-1, 1, 4, 3));
        m.put("0.bias", rng.uniform(-1, 1, 3));
        m.put("1.running_mean", rng.uniform(-1, 1, 3));
        return m;
    }

    @Test
    void loadCopiesEveryValueIntoTheExistingTensorsAndReturnsTheMetadata() {
        Path file = dir.resolve("m.safetensors");
        Map<String, Tensor> saved = model(1);
        NamedTensors.save(file, saved, Map.of("epoch", "3"));
        Map<String, Tensor> target = model(2);
        Map<String, Tensor> sameObjects = new LinkedHashMap<>(target);
        assertEquals(Map.of("epoch", "3"), NamedTensors.loadInto(file, target));
        for (String name : saved.keySet()) {
            assertTrue(sameObjects.get(name) == target.get(name));
            assertArrayEquals(saved.get(name).toFloatArray(), target.get(name).toFloatArray(), name);
        }
    }

    @Test
    void aFloat32FileLoadsIntoFloat64Tensors() {
        Path file = dir.resolve("m.safetensors");
        Map<String, Tensor> saved = model(1);
        NamedTensors.save(file, saved, Map.of());
        Map<String, Tensor> target = new LinkedHashMap<>();
        saved.forEach((k, v) -> target.put(k, Tensor.zeros(DType.FLOAT64, v.dims())));
        NamedTensors.loadInto(file, target);
        assertArrayEquals(saved.get("0.weight").toDoubleArray(), target.get("0.weight").toDoubleArray());
    }

    @Test
    void missingAndUnexpectedNamesAreListedAndNothingIsCopied() {
        Path file = dir.resolve("m.safetensors");
        NamedTensors.save(file, model(1), Map.of());
        Map<String, Tensor> target = model(2);
        Tensor extra = Tensor.zeros(2);
        target.put("2.weight", extra);
        target.remove("1.running_mean");
        float[] before = target.get("0.weight").toFloatArray();
        ModelFileException e = assertThrows(ModelFileException.class, () -> NamedTensors.loadInto(file, target));
        assertTrue(e.getMessage().contains("missing [\"2.weight\"], unexpected [\"1.running_mean\"]"), e.getMessage());
        assertArrayEquals(before, target.get("0.weight").toFloatArray(), "nothing copied");
    }

    @Test
    void aShapeMismatchNamesTheTensorAndBothShapesAndNothingIsCopied() {
        Path file = dir.resolve("m.safetensors");
        NamedTensors.save(file, model(1), Map.of());
        Map<String, Tensor> target = model(2);
        target.put("1.running_mean", Tensor.zeros(4));
        float[] before = target.get("0.weight").toFloatArray();
        ModelFileException e = assertThrows(ModelFileException.class, () -> NamedTensors.loadInto(file, target));
        assertTrue(e.getMessage().contains("tensor \"1.running_mean\" has shape [3] in the file, the model expects [4]"),
                e.getMessage());
        assertArrayEquals(before, target.get("0.weight").toFloatArray(), "nothing copied");
    }
}
