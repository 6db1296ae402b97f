package dev.temper.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mean loss and accuracy over a dataset (accuracy NaN for a regression loss), and the trainer's metrics by name
 * (empty when it has none).
 */
public record Evaluation(double loss, double accuracy, int examples, Map<String, Double> metrics) {
    public Evaluation {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public Evaluation(double loss, double accuracy, int examples) {
        this(loss, accuracy, examples, Map.of());
    }
}
