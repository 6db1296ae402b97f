package dev.temper.io;

import dev.temper.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Saves a model's named values (parameters and buffers, keyed by their paths) to a safetensors file and loads them
 * back into the model's own tensors. Loading is all or nothing: the names must match exactly and every shape must
 * agree before a single value is copied, so a wrong file never leaves a half-loaded model. Values are converted to
 * each target's dtype (a float32 checkpoint loads into a float64 copy of the model for gradient checks).
 */
public final class NamedTensors {
    private NamedTensors() {}

    /** Writes {@code values} and {@code metadata} to {@code file} atomically (see {@link SafeTensors#write}). */
    public static void save(Path file, Map<String, Tensor> values, Map<String, String> metadata) {
        SafeTensors.write(file, values, metadata);
    }

    /**
     * Reads {@code file} and copies each of its tensors into the target of the same name.
     *
     * @return the file's metadata
     * @throws ModelFileException if the file is invalid, lacks a target's name, holds a name no target has, or a
     *     tensor's shape differs from its target's
     */
    public static Map<String, String> loadInto(Path file, Map<String, Tensor> targets) {
        TensorFile read = SafeTensors.read(file);
        List<String> missing = new ArrayList<>();
        for (String name : targets.keySet()) {
            if (!read.tensors().containsKey(name)) {
                missing.add(name);
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String name : read.tensors().keySet()) {
            if (!targets.containsKey(name)) {
                unexpected.add(name);
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new ModelFileException(file, "names do not match the model: missing " + quoted(missing)
                    + ", unexpected " + quoted(unexpected));
        }
        for (Map.Entry<String, Tensor> e : targets.entrySet()) {
            Tensor source = read.tensors().get(e.getKey());
            if (!source.shape().equals(e.getValue().shape())) {
                throw new ModelFileException(file, "tensor " + SafeTensors.quote(e.getKey()) + " has shape "
                        + Arrays.toString(source.dims()) + " in the file, the model expects "
                        + Arrays.toString(e.getValue().dims()));
            }
        }
        for (Map.Entry<String, Tensor> e : targets.entrySet()) {
            e.getValue().copyFromInPlace(read.tensors().get(e.getKey()));
        }
        return read.metadata();
    }

    private static String quoted(List<String> names) {
        List<String> q = new ArrayList<>();
        for (String n : names) {
            q.add(SafeTensors.quote(n));
        }
        return "[" + String.join(", ", q) + "]";
    }
}
