package dev.temper.nn;

import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a fixture written by {@code temper-core/src/test/fixtures/rnn.py}: '#' comments, then per tensor a header
 * {@code name dim dim ...} and one line of row-major values. Tensors come back as float64.
 */
final class RnnFixture {
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();

    private RnnFixture() {}

    static RnnFixture load(String layer) {
        String resource = "/dev/temper/fixtures/rnn_" + layer + ".txt";
        RnnFixture fixture = new RnnFixture();
        try (InputStream in = RnnFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + resource + "; run python3 temper-core/src/test/fixtures/rnn.py");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header;
            while ((header = reader.readLine()) != null) {
                if (header.isBlank() || header.startsWith("#")) {
                    continue;
                }
                String[] head = header.trim().split(" ");
                int[] dims = new int[head.length - 1];
                for (int i = 0; i < dims.length; i++) {
                    dims[i] = Integer.parseInt(head[i + 1]);
                }
                String[] fields = reader.readLine().trim().split(" ");
                double[] values = new double[fields.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Double.parseDouble(fields[i]);
                }
                fixture.tensors.put(head[0], Tensor.of(values, dims));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixture;
    }

    Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalStateException("fixture has no tensor '" + name + "', only " + tensors.keySet());
        }
        return t;
    }

    /** An initializer that returns the named fixture tensor (float64), checking the requested shape. */
    Initializer initializer(String name) {
        Tensor t = get(name);
        return (shape, fanIn, fanOut, rng) -> {
            if (!t.shape().equals(Shape.of(shape))) {
                throw new IllegalStateException("fixture " + name + " has shape " + t.shape() + ", layer asks for " + Arrays.toString(shape));
            }
            return t.copy();
        };
    }

    /** The last time step of {@code output [batch, time, units]}, as {@code [batch, units]}. */
    Tensor lastStep() {
        Tensor out = get("output");
        int time = out.dim(1);
        return out.narrow(1, time - 1, 1).contiguous().reshape(out.dim(0), out.dim(2));
    }
}
