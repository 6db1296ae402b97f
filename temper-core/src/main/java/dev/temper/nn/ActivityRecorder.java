package dev.temper.nn;

import dev.temper.autograd.Variable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects layer outputs during one training forward pass, by name, so that the trainer can penalize them
 * (activity regularization). One recorder per batch; {@link ActivityRegularization} layers write to it.
 */
public final class ActivityRecorder {
    private final Map<String, Variable> outputs = new LinkedHashMap<>();

    /** Records {@code output} under {@code name}; a name recorded twice in one pass is an error. */
    public void record(String name, Variable output) {
        if (outputs.putIfAbsent(name, output) != null) {
            throw new IllegalStateException("activity '" + name + "' recorded twice in one forward pass; "
                    + "give each ActivityRegularization layer its own name");
        }
    }

    /** The outputs recorded so far, in order. */
    public Map<String, Variable> recorded() {
        return Map.copyOf(outputs);
    }
}
