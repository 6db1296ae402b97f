package dev.temper.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing then reading gives back the same tensors, and what is written is laid out exactly as the format says. */
class SafeTensorsRoundTripTest {
    @TempDir
    Path dir;

    private static Map<String, Tensor> sample() {
        Rng rng = new Rng(11);
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("layers.0.weight", rng.uniform(-1, 1, 3, 4));
        m.put("layers.0.bias", Tensor.of(new double[] {0.1, -2.5, Double.MIN_VALUE, Double.MAX_VALUE}, 4));
        m.put("step", Tensor.scalar(3.25f));
        m.put("empty", Tensor.zeros(DType.FLOAT64, 0, 5));
        m.put("odd \"name\"\n\u00e9", Tensor.of(new float[] {Float.NaN, Float.NEGATIVE_INFINITY, -0.0f}, 3, 1));
        m.put("transposed view", rng.uniform(-1, 1, 2, 3).transpose());
        return m;
    }

    @Test
    void readGivesBackEveryTensorBitForBitWithItsDtypeShapeAndTheMetadata() {
        Path file = dir.resolve("model.safetensors");
        Map<String, Tensor> written = sample();
        Map<String, String> meta = Map.of("format", "temper", "epoch", "7");
        SafeTensors.write(file, written, meta);
        TensorFile read = SafeTensors.read(file);
        assertEquals(List.copyOf(written.keySet()), List.copyOf(read.tensors().keySet()));
        for (Map.Entry<String, Tensor> e : written.entrySet()) {
            Tensor back = read.tensors().get(e.getKey());
            assertEquals(e.getValue().dtype(), back.dtype(), e.getKey());
            assertEquals(e.getValue().shape(), back.shape(), e.getKey());
            if (back.dtype() == DType.FLOAT32) {
                assertArrayEquals(bits(e.getValue().toFloatArray()), bits(back.toFloatArray()), e.getKey());
            } else {
                assertArrayEquals(e.getValue().toDoubleArray(), back.toDoubleArray(), e.getKey());
            }
        }
        assertEquals(meta, read.metadata());
    }

    @Test
    void noTensorsAndNoMetadataIsAValidFile() {
        Path file = dir.resolve("empty.safetensors");
        SafeTensors.write(file, Map.of(), Map.of());
        TensorFile read = SafeTensors.read(file);
        assertTrue(read.tensors().isEmpty());
        assertTrue(read.metadata().isEmpty());
    }

    @Test
    void tensorsLargerThanOneWriteChunkSurvive() {
        Path file = dir.resolve("big.safetensors");
        Tensor big = new Rng(5).uniform(-1, 1, 301, 117); // 35217 floats, several 64 KiB chunks
        SafeTensors.write(file, Map.of("big", big, "big64", big.to(DType.FLOAT64)), Map.of());
        TensorFile read = SafeTensors.read(file);
        assertArrayEquals(big.toFloatArray(), read.tensors().get("big").toFloatArray());
        assertArrayEquals(big.toDoubleArray(), read.tensors().get("big64").toDoubleArray());
    }

    /**
     * Checks the bytes with a parser written independently of the reader: the prefix by shifting, the header by
     * regular expressions instead of a JSON parser, the data against bytes built by shifting raw bits.
     */
    @Test
    void theFileIsLaidOutAsTheSpecificationSays() throws IOException {
        Path file = dir.resolve("layout.safetensors");
        Map<String, Tensor> written = sample();
        SafeTensors.write(file, written, Map.of("format", "temper"));
        byte[] bytes = Files.readAllBytes(file);

        long n = SafeTensorsBytes.prefix(bytes);
        assertEquals(0, n % 8, "header length is a multiple of 8");
        String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        String json = header.stripTrailing();
        assertTrue(header.length() - json.length() < 8, "at most 7 spaces of padding");
        assertTrue(header.substring(json.length()).chars().allMatch(c -> c == ' '), "padding is spaces");
        assertTrue(json.startsWith("{\"__metadata__\":{\"format\":\"temper\"}") && json.endsWith("}"), json);

        Pattern entry = Pattern.compile(
                "\"((?:[^\"\\\\]|\\\\.)*)\":\\{\"dtype\":\"(F32|F64)\",\"shape\":\\[([0-9,]*)],\"data_offsets\":\\[(\\d+),(\\d+)]}");
        Matcher m = entry.matcher(json);
        ByteArrayOutputStream expectedData = new ByteArrayOutputStream();
        long offset = 0;
        int count = 0;
        for (Map.Entry<String, Tensor> e : written.entrySet()) {
            assertTrue(m.find(), "entry for " + e.getKey());
            Tensor t = e.getValue();
            assertEquals(t.dtype() == DType.FLOAT32 ? "F32" : "F64", m.group(2));
            int[] dims = m.group(3).isEmpty() ? new int[0] : Arrays.stream(m.group(3).split(",")).mapToInt(Integer::parseInt).toArray();
            assertArrayEquals(t.dims(), dims, e.getKey());
            long bytesOf = (long) t.size() * t.dtype().bytes();
            assertEquals(offset, Long.parseLong(m.group(4)), "begin of " + e.getKey());
            assertEquals(offset + bytesOf, Long.parseLong(m.group(5)), "end of " + e.getKey());
            offset += bytesOf;
            expectedData.writeBytes(t.dtype() == DType.FLOAT32
                    ? SafeTensorsBytes.floatBytes(t.toFloatArray())
                    : SafeTensorsBytes.doubleBytes(t.toDoubleArray()));
            count++;
        }
        assertEquals(written.size(), count);
        assertTrue(json.contains("\"odd \\\"name\\\"\\u000a\u00e9\""), "name escaped as JSON: " + json);
        assertEquals(8 + n + offset, bytes.length, "data buffer holds exactly the tensors");
        assertArrayEquals(expectedData.toByteArray(), Arrays.copyOfRange(bytes, (int) (8 + n), bytes.length));
    }

    @Test
    void writingReplacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("model.safetensors");
        SafeTensors.write(file, Map.of("a", Tensor.ones(2)), Map.of());
        SafeTensors.write(file, Map.of("b", Tensor.ones(3)), Map.of());
        assertEquals(List.of("b"), List.copyOf(SafeTensors.read(file).tensors().keySet()));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    private static int[] bits(float[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToRawIntBits(v[i]);
        }
        return out;
    }
}
