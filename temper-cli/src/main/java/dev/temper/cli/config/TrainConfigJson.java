package dev.temper.cli.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TrainConfig} written out in full, every setting resolved (defaults included), as JSON that is also a
 * run file: {@link TrainConfigParser} reads it back to an equal config. A model file carries it, so the model can
 * be rebuilt without the run file it came from; paths are written absolute.
 */
public final class TrainConfigJson {
    private TrainConfigJson() {}

    public static String toJson(TrainConfig config) {
        return Json.object(toMap(config));
    }

    /** The run file's keys, in the run file's order. */
    public static Map<String, Object> toMap(TrainConfig c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seed", c.seed());
        out.put("threads", c.threads());
        out.put("epochs", c.epochs());
        out.put("batch_size", c.batchSize());
        out.put("data", data(c.data()));
        out.put("model", Map.of("layers", layers(c.layers())));
        out.put("loss", c.loss().yamlName());
        out.put("optimizer", optimizer(c.optimizer()));
        Map<String, Object> regularization = new LinkedHashMap<>();
        regularization.put("l1", c.regularization().l1());
        regularization.put("l2", c.regularization().l2());
        out.put("regularization", regularization);
        Map<String, Object> callbacks = new LinkedHashMap<>();
        c.callbacks().forEach(cb -> callbacks.put(cb.kind().yamlName(), cb.settings().values()));
        out.put("callbacks", callbacks);
        Map<String, Object> augmentation = new LinkedHashMap<>();
        c.augmentation().forEach(a -> augmentation.put(a.kind().yamlName(), a.settings().values()));
        out.put("augmentation", augmentation);
        if (c.crossValidation() != null) {
            Map<String, Object> cv = new LinkedHashMap<>();
            cv.put("folds", c.crossValidation().folds());
            cv.put("stratified", c.crossValidation().stratified());
            out.put("cross_validation", cv);
        }
        return out;
    }

    private static Map<String, Object> data(DataConfig d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataset", d.dataset().yamlName());
        if (d.dataset() == DatasetKind.IDX) {
            out.put("train_images", absolute(d.trainImages()));
            out.put("train_labels", absolute(d.trainLabels()));
            out.put("test_images", absolute(d.testImages()));
            out.put("test_labels", absolute(d.testLabels()));
        }
        out.put("validation_split", d.validationSplit());
        CsvConfig csv = d.csv();
        if (csv != null) {
            out.put("train", absolute(csv.train()));
            if (csv.test() != null) {
                out.put("test", absolute(csv.test()));
            } else {
                out.put("test_split", csv.testSplit());
            }
            out.put("label", csv.label());
            out.put("standardize", csv.standardize());
        }
        return out;
    }

    private static String absolute(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    private static List<Object> layers(List<LayerSpec> layers) {
        List<Object> out = new ArrayList<>();
        for (LayerSpec layer : layers) {
            if (layer.kind() == LayerKind.DENSE) {
                Map<String, Object> dense = new LinkedHashMap<>();
                dense.put("units", layer.units());
                dense.put("activation", layer.activation() == null ? null : layer.activation().yamlName());
                out.add(Map.of("dense", dense));
            } else if (layer.kind() == LayerKind.DROPOUT) {
                out.add(Map.of("dropout", layer.rate()));
            } else {
                out.add(layer.kind().yamlName());
            }
        }
        return out;
    }

    private static Map<String, Object> optimizer(OptimizerConfig o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", o.name().yamlName());
        out.putAll(o.settings().values());
        if (o.schedule() != null) {
            Map<String, Object> schedule = new LinkedHashMap<>();
            schedule.put("name", o.schedule().name().yamlName());
            schedule.putAll(o.schedule().settings().values());
            out.put("schedule", schedule);
        }
        return out;
    }
}
