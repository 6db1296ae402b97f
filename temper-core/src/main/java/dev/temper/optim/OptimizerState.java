package dev.temper.optim;

import dev.temper.tensor.Tensor;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything an {@link Optimizer} remembers between steps: the number of steps taken and, per parameter path,
 * its transforms' named state tensors (for Adam {@code m} and {@code v}; inside a {@link Chain}, prefixed by
 * the stage's position: {@code 0.m}). Restoring it into an optimizer built from the same recipe continues
 * the run bit for bit.
 */
public record OptimizerState(long steps, Map<String, Map<String, Tensor>> tensors) {
    public OptimizerState {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        tensors = deepCopy(tensors);
    }

    /** Copies of every tensor: neither side can change the other's values. */
    static Map<String, Map<String, Tensor>> deepCopy(Map<String, Map<String, Tensor>> source) {
        Map<String, Map<String, Tensor>> out = new HashMap<>();
        for (Map.Entry<String, Map<String, Tensor>> p : source.entrySet()) {
            Map<String, Tensor> named = new HashMap<>();
            for (Map.Entry<String, Tensor> t : p.getValue().entrySet()) {
                named.put(t.getKey(), t.getValue().copy());
            }
            out.put(p.getKey(), Map.copyOf(named));
        }
        return Map.copyOf(out);
    }
}
