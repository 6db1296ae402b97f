package dev.temper.cli;

import dev.temper.cli.config.ConfigException;
import dev.temper.cli.config.Preprocessing;
import dev.temper.cli.config.TrainConfig;
import dev.temper.cli.config.TrainConfigJson;
import dev.temper.cli.config.TrainConfigParser;
import dev.temper.io.ModelFileException;
import dev.temper.io.NamedTensors;
import dev.temper.io.SafeTensors;
import dev.temper.metric.Metric;
import dev.temper.nn.Sequential;
import dev.temper.optim.Sgd;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import dev.temper.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A trained model's file: its weights in safetensors (parameters and buffers by path, readable by other tools) and,
 * in the file's metadata, everything needed to use it without the run file: the resolved training config as JSON
 * ({@code config}, itself a run file: the architecture, loss and how it was trained) and the preprocessing
 * ({@code preprocessing}: input size, image shape or CSV columns, class names, standardization statistics).
 */
final class ModelFile {
    static final String CONFIG = "config";
    static final String PREPROCESSING = "preprocessing";

    private ModelFile() {}

    /** A model read back: the config it was trained with, its preprocessing, and the model with its weights. */
    record Loaded(Path file, TrainConfig config, Preprocessing preprocessing, Sequential model, Task task) {
        /**
         * A trainer for inference only (evaluate, predict): the model, its loss and the task's metrics. It never
         * steps, so its optimizer is plain SGD rather than the training one (whose schedule needs a run length).
         */
        Trainer inference() {
            return new Trainer(model, ModelBuilder.loss(config.loss()), Sgd.defaults().build())
                    .withMetrics(task.metrics().toArray(new Metric[0]));
        }
    }

    static void save(Path file, Sequential model, TrainConfig config, Preprocessing preprocessing, String runFileText) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "temper model: weights (safetensors) by dotted path; config and preprocessing as JSON");
        meta.put("seed", Long.toString(config.seed()));
        meta.put(CONFIG, TrainConfigJson.toJson(config));
        meta.put(PREPROCESSING, preprocessing.toJson());
        if (runFileText != null) {
            meta.put("run_file", runFileText);
        }
        NamedTensors.save(file, state(model), meta);
    }

    /** Parameters and buffers (running statistics) by path: everything a trained model needs to predict. */
    static Map<String, Tensor> state(Sequential model) {
        Map<String, Tensor> state = new LinkedHashMap<>();
        model.namedParameters().forEach((path, p) -> state.put(path, p.value()));
        state.putAll(model.namedBuffers());
        return state;
    }

    /** Reads and validates a model file; every problem is a one-line error naming the file. */
    static Loaded load(String command, Path file) {
        if (!Files.exists(file)) {
            throw new UsageException(command + ": no such model file " + file);
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(command + ": " + file + " is a directory; give its model.safetensors");
        }
        Map<String, String> meta = SafeTensors.read(file).metadata();
        for (String key : new String[] {CONFIG, PREPROCESSING}) {
            if (!meta.containsKey(key)) {
                throw new ModelFileException(file, "its metadata has no '" + key + "', so the model cannot be rebuilt"
                        + " (it was not written by this version of temper train; train it again)");
            }
        }
        TrainConfig config;
        Preprocessing preprocessing;
        try {
            config = TrainConfigParser.parse(meta.get(CONFIG), "metadata '" + CONFIG + "'", Path.of("").toAbsolutePath());
            preprocessing = Preprocessing.parse(meta.get(PREPROCESSING), "metadata '" + PREPROCESSING + "'");
        } catch (ConfigException e) {
            throw new ModelFileException(file, e.getMessage());
        }
        Sequential model = ModelBuilder.model(config.layers(), preprocessing.inputs(), new Rng(0)); // weights replaced below
        NamedTensors.loadInto(file, state(model));
        Task task = Task.valueOf(preprocessing.task().toUpperCase(Locale.ROOT));
        return new Loaded(file, config, preprocessing, model, task);
    }
}
