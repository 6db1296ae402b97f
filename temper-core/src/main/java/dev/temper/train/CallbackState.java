package dev.temper.train;

import dev.temper.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link StatefulCallback} must remember across a resumed run, as plain values that a checkpoint file can
 * hold: numbers (counters, best values; NaN and infinities allowed), texts (a stop reason) and tensors (the best
 * epoch's weights). Names must be non-empty and free of {@code '/'} (they become parts of tensor names in the file).
 * The tensors are copied in, so the state does not change when the callback's own copies do.
 */
public record CallbackState(Map<String, Double> numbers, Map<String, String> texts, Map<String, Tensor> tensors) {

    public CallbackState {
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(checkNames("numbers", numbers)));
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(checkNames("texts", texts)));
        Map<String, Tensor> copies = new LinkedHashMap<>();
        checkNames("tensors", tensors).forEach((name, t) -> copies.put(name, t.copy()));
        tensors = Collections.unmodifiableMap(copies);
    }

    /** A state of numbers alone. */
    public static CallbackState ofNumbers(Map<String, Double> numbers) {
        return new CallbackState(numbers, Map.of(), Map.of());
    }

    /** The number {@code name}; a clear error naming {@code owner} when the state lacks it. */
    public double number(String owner, String name) {
        Double v = numbers.get(name);
        if (v == null) {
            throw new IllegalArgumentException(owner + ": state lacks the number '" + name + "', got " + numbers.keySet());
        }
        return v;
    }

    /** The text {@code name}; a clear error naming {@code owner} when the state lacks it. */
    public String text(String owner, String name) {
        String v = texts.get(name);
        if (v == null) {
            throw new IllegalArgumentException(owner + ": state lacks the text '" + name + "', got " + texts.keySet());
        }
        return v;
    }

    private static <V> Map<String, V> checkNames(String part, Map<String, V> values) {
        if (values == null) {
            throw new IllegalArgumentException("CallbackState: " + part + " must not be null (use Map.of())");
        }
        for (Map.Entry<String, V> e : values.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty() || e.getKey().contains("/")) {
                throw new IllegalArgumentException("CallbackState: " + part + " names must be non-empty and free of '/', got '"
                        + e.getKey() + "'");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("CallbackState: " + part + " '" + e.getKey() + "' must not be null");
            }
        }
        return values;
    }
}
