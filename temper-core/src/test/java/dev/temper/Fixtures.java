package dev.temper;

import dev.temper.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a fixture written by a script under {@code src/test/fixtures}: lines {@code tensor NAME DIMS VALUES...}
 * and {@code expect NAME VALUES...} (see the script for what each holds). Tensors are float64.
 */
public final class Fixtures {
    private final Map<String, Tensor> tensors = new HashMap<>();
    private final Map<String, double[]> expected = new HashMap<>();

    private Fixtures() {}

    public static Fixtures load(String resource) {
        Fixtures f = new Fixtures();
        try (InputStream in = Fixtures.class.getResourceAsStream("/dev/temper/fixtures/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + resource + "; run the script in src/test/fixtures");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split(" +");
                if (parts[0].equals("tensor")) {
                    int[] dims = parts[2].isEmpty() ? new int[0] : Arrays.stream(parts[2].split(",")).mapToInt(Integer::parseInt).toArray();
                    f.tensors.put(parts[1], Tensor.of(numbers(parts, 3), dims));
                } else if (parts[0].equals("expect")) {
                    f.expected.put(parts[1], numbers(parts, 2));
                } else {
                    throw new IllegalStateException("fixture " + resource + ": unknown record " + parts[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    private static double[] numbers(String[] parts, int from) {
        double[] v = new double[parts.length - from];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(parts[from + i]);
        }
        return v;
    }

    public Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("fixture has no tensor " + name);
        }
        return t;
    }

    public double[] expected(String name) {
        double[] v = expected.get(name);
        if (v == null) {
            throw new IllegalArgumentException("fixture has no expected value " + name);
        }
        return v;
    }

    public int expectedCount() {
        return expected.size();
    }
}
