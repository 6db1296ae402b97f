package dev.temper.io;

import dev.temper.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a safetensors file holds: named tensors in the order their bytes lie in the file, and the free-form
 * string metadata of its {@code __metadata__} entry (empty when the file has none). Both maps are unmodifiable.
 */
public record TensorFile(Map<String, Tensor> tensors, Map<String, String> metadata) {
    public TensorFile {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
