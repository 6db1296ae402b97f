package dev.temper.autograd;

import dev.temper.tensor.Padding;
import dev.temper.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code fixtures/conv.txt}, written by {@code src/test/fixtures/conv.py} (format documented there). */
final class ConvFixtures {
    /** One case: its name, config values and float64 tensors. */
    record Case(String name, Map<String, String> config, Map<String, Tensor> tensors) {
        int[] pair(String key) {
            String[] parts = config.get(key).split(",");
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        }

        Padding padding() {
            String p = config.get("padding");
            if (p.equals("valid")) {
                return Padding.valid();
            }
            if (p.equals("same")) {
                return Padding.same();
            }
            String[] s = p.split(",");
            return Padding.of(Integer.parseInt(s[0]), Integer.parseInt(s[1]), Integer.parseInt(s[2]), Integer.parseInt(s[3]));
        }

        Tensor tensor(String key) {
            return tensors.get(key);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private ConvFixtures() {}

    static List<Case> load(String prefix) {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = ConvFixtures.class.getResourceAsStream("/dev/temper/fixtures/conv.txt")) {
            if (in == null) {
                throw new IllegalStateException("fixture conv.txt missing: run src/test/fixtures/conv.py");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String name = null;
            Map<String, String> config = new HashMap<>();
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "case" -> {
                        name = f[1];
                        config = new HashMap<>();
                        tensors = new LinkedHashMap<>();
                    }
                    case "config" -> {
                        for (int i = 1; i < f.length; i++) {
                            String[] kv = f[i].split("=");
                            config.put(kv[0], kv[1]);
                        }
                    }
                    case "end" -> {
                        if (name.startsWith(prefix)) {
                            cases.add(new Case(name, config, tensors));
                        }
                    }
                    default -> tensors.put(f[0], parseTensor(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static Tensor parseTensor(String[] f) {
        String[] dimText = f[1].split(",");
        int[] dims = new int[dimText.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Integer.parseInt(dimText[i]);
        }
        double[] values = new double[f.length - 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.parseDouble(f[i + 2]);
        }
        return Tensor.of(values, dims);
    }
}
