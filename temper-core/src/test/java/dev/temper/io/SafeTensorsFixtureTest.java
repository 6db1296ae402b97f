package dev.temper.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.temper.tensor.DType;
import dev.temper.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads a file written byte by byte by {@code src/test/fixtures/safetensors_fixture.py} (numpy and struct, following
 * the specification, not temper's writer) and compares it with the values that script listed beside it.
 */
class SafeTensorsFixtureTest {
    @Test
    void readsAFileWrittenIndependentlyInPython() throws IOException, URISyntaxException {
        Path file = Path.of(SafeTensorsFixtureTest.class.getResource("/dev/temper/fixtures/tiny.safetensors").toURI());
        TensorFile read = SafeTensors.read(file);

        List<String> names = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        try (InputStream in = SafeTensorsFixtureTest.class.getResourceAsStream("/dev/temper/fixtures/tiny_safetensors.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.split(" ", 3);
                if (parts[0].equals("meta")) {
                    meta.put(parts[1], parts[2]);
                    continue;
                }
                String[] fields = line.split(" ");
                String name = fields[0];
                names.add(name);
                Tensor t = read.tensors().get(name);
                assertEquals(fields[1].equals("F32") ? DType.FLOAT32 : DType.FLOAT64, t.dtype(), name);
                int[] dims = fields[2].equals("-") ? new int[0] : Arrays.stream(fields[2].split(",")).mapToInt(Integer::parseInt).toArray();
                assertArrayEquals(dims, t.dims(), name);
                double[] expected = Arrays.stream(fields, 3, fields.length).mapToDouble(Double::parseDouble).toArray();
                assertArrayEquals(expected, t.toDoubleArray(), 0.0, name); // float32 values were chosen exact
            }
        }
        assertEquals(names, List.copyOf(read.tensors().keySet()), "tensors come in data order, not header order");
        assertEquals(meta, read.metadata());
    }
}
