package dev.temper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.cli.config.TrainConfigParser;
import dev.temper.data.Dataset;
import dev.temper.data.Standardization;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cross_validation:} in a run file: K folds of the training set, per-fold figures and mean ± std. */
class CrossValidationRunTest {
    @TempDir
    Path dir;

    private Path config(String yaml) throws IOException {
        return Files.writeString(dir.resolve("cv.yaml"), yaml);
    }

    @Test
    void stratifiedFoldsOfTheEmbeddedSubsetReportEachFoldAndTheirSpread() throws IOException {
        String yaml = String.join("\n", "seed: 3", "epochs: 2", "batch_size: 128", "model:", "  layers:",
                "    - dense: 16", "    - relu", "    - dense: 10", "cross_validation: {folds: 2}", "");
        Path out = dir.resolve("cv");
        CliRunner r = CliRunner.run("train", config(yaml).toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("cross-validation: 2 stratified folds of 8000 training examples (the 2000 test "
                + "examples are not used)"), r.out());
        assertTrue(r.out().contains("fold 1/2") && r.out().contains("fold 2/2"), r.out());
        assertTrue(r.out().contains("fold 1: loss ") && r.out().contains("(4000 examples)"), r.out());
        assertTrue(r.out().contains("mean \u00b1 std over 2 folds: loss "), r.out());
        assertTrue(r.out().contains(", accuracy 0."), r.out());
        List<String> csv = Files.readAllLines(out.resolve("cross_validation.csv"));
        assertEquals("fold,examples,loss,accuracy", csv.get(0));
        assertEquals(5, csv.size(), "two folds, then mean and std");
        double a1 = Double.parseDouble(csv.get(1).split(",")[3]);
        double a2 = Double.parseDouble(csv.get(2).split(",")[3]);
        double mean = Double.parseDouble(csv.get(3).split(",")[3]);
        double std = Double.parseDouble(csv.get(4).split(",")[3]);
        assertTrue(a1 > 0.6 && a2 > 0.6, "each fold learns (chance is 0.1): " + csv);
        assertEquals((a1 + a2) / 2, mean, 1e-12);
        assertEquals(Math.abs(a1 - a2) / Math.sqrt(2), std, 1e-12, "sample std of two values");
        String metrics = Files.readString(out.resolve("metrics.json"));
        assertTrue(metrics.contains("\"accuracy_mean\": ") && metrics.contains("\"per_fold\": ["), metrics);
        assertTrue(Files.notExists(out.resolve("model.safetensors")), "no single model comes out of k folds");
    }

    /** y = a + b plus noise; label "hi" when y > 0. */
    private Path table() throws IOException {
        Rng rng = new Rng(9);
        StringBuilder sb = new StringBuilder("a,b,y,label\n");
        for (int i = 0; i < 300; i++) {
            double a = rng.nextGaussian();
            double b = rng.nextGaussian();
            double y = a + b + 0.1 * rng.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%s%n", a, b, y, y > 0 ? "hi" : "lo"));
        }
        return Files.writeString(dir.resolve("t.csv"), sb.toString());
    }

    /**
     * The pool a CSV run cross-validates holds the training split's features as read, with standardization fitted per
     * fold: standardized once with the training split's statistics, every held-out fold's rows would have shaped the
     * features its model trains on.
     */
    @Test
    void standardizedCsvFeaturesAreCrossValidatedAsReadAndStandardizedPerFold() throws IOException {
        table();
        Path run = config(String.join("\n", "seed: 4", "data: {dataset: csv, train: t.csv, label: label, validation_split: 0.2}",
                "model:", "  layers: [{dense: 2}]", ""));
        TrainingData data = TrainingData.load(TrainConfigParser.parse(run).data(), new Rng(4));
        Standardization fitted = data.table().standardization();
        assertTrue(fitted != null, "the CSV section standardizes by default");
        TrainingData.CrossValidationPool pool = data.crossValidationPool(data.train(), false);
        assertEquals(data.train().size(), pool.rows().size());
        assertTrue(pool.rows().targets() == data.train().targets(), "the rows keep the targets they were given");
        for (int i = 0; i < pool.rows().size(); i++) {
            for (int j = 0; j < 3; j++) { // standardizing the features as read gives the training split's features
                double asRead = pool.rows().features().get(i, j);
                assertEquals(data.train().features().get(i, j), (float) ((asRead - fitted.mean()[j]) / fitted.std()[j]), 1e-5,
                        "row " + i + ", feature " + j);
            }
        }
        TrainingData.CrossValidationPool withValidation = data.crossValidationPool(
                new Dataset(Tensor.concat(0, data.train().features(), data.validation().features()),
                        Tensor.concat(0, data.train().targets(), data.validation().targets())), true);
        assertEquals(data.train().size() + data.validation().size(), withValidation.rows().size());
        assertEquals(data.validation().features().get(0, 1), (float) ((withValidation.rows().features().get(data.train().size(), 1)
                - fitted.mean()[1]) / fitted.std()[1]), 1e-5, "the validation rows follow the training rows, as read");

        // the preprocessing fits on the rows it is given: a fold's training rows, never the held-out ones
        Dataset firstHalf = pool.rows().subset(java.util.stream.IntStream.range(0, 100).toArray());
        Dataset transformed = pool.preprocessing().fit(firstHalf).apply(firstHalf);
        for (int j = 0; j < 3; j++) {
            double sum = 0;
            for (int i = 0; i < 100; i++) {
                sum += transformed.features().get(i, j);
            }
            assertEquals(0.0, sum / 100, 1e-5, "feature " + j + " centred on the fold's own training rows");
        }

        Path plain = config(String.join("\n", "data: {dataset: csv, train: t.csv, label: label, standardize: false}",
                "model:", "  layers: [{dense: 2}]", ""));
        TrainingData raw = TrainingData.load(TrainConfigParser.parse(plain).data(), new Rng(4));
        TrainingData.CrossValidationPool asGiven = raw.crossValidationPool(raw.train(), false);
        assertTrue(asGiven.rows() == raw.train(), "features used as they are stay as they are");
        assertTrue(asGiven.preprocessing().fit(raw.train()).apply(raw.train()) == raw.train(), "and nothing is fitted");
    }

    @Test
    void csvTablesAreCrossValidatedWithTheirMetricsAndNumericLabelsCannotBeStratified() throws IOException {
        table();
        Files.writeString(dir.resolve("binary.csv"),
                Files.readString(dir.resolve("t.csv")).replaceAll("(?m)^([^,]*),([^,]*),[^,]*,", "$1,$2,"));
        String binary = String.join("\n", "seed: 1", "epochs: 5", "batch_size: 32",
                "data: {dataset: csv, train: binary.csv, label: label}", "model:", "  layers: [{dense: 1}]",
                "loss: binary_cross_entropy", "cross_validation: {folds: 3}", "");
        CliRunner r = CliRunner.run("train", config(binary).toString(), "--out", dir.resolve("b").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("mean \u00b1 std over 3 folds: loss ") && r.out().contains("roc_auc "), r.out());

        Files.writeString(dir.resolve("regression.csv"),
                Files.readString(dir.resolve("t.csv")).replaceAll(",(hi|lo|label)\\n", "\n"));
        String regression = String.join("\n", "epochs: 2", "data: {dataset: csv, train: regression.csv, label: y}",
                "model:", "  layers: [{dense: 1}]", "loss: mse", "cross_validation:", "");
        CliRunner refused = CliRunner.run("train", config(regression).toString(), "--out", dir.resolve("r").toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.oneLineError(), refused.err());
        assertTrue(refused.err().contains("stratified folds need class labels"), refused.err());
        CliRunner plain = CliRunner.run("train", config(regression.replace("cross_validation:",
                "cross_validation: {folds: 3, stratified: false}")).toString(), "--out", dir.resolve("p").toString());
        assertEquals(0, plain.exitCode(), plain.err());
        assertTrue(plain.out().contains("rmse ") && !plain.out().contains("accuracy"), plain.out());
    }
}
