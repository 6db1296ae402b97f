package dev.temper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `temper train` on CSV tables: regression and binary classification, end to end. */
class CsvRunTest {
    @TempDir
    Path dir;

    /**
     * A table with features on very different scales (standardization matters): y = 2 a - 3 b / 100 + c^2 + noise
     * (sd 0.1), and label = 1 when y > 1.
     */
    private Path table(int rows, long seed) throws IOException {
        Rng rng = new Rng(seed);
        StringBuilder sb = new StringBuilder("a,b,c,y,label\n");
        for (int i = 0; i < rows; i++) {
            double a = rng.nextGaussian();
            double b = 100 * rng.nextGaussian();
            double c = rng.nextGaussian();
            double y = 2 * a - 3 * b / 100 + c * c + 0.1 * rng.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.6f,%.4f,%.6f,%.6f,%s%n", a, b, c, y, y > 1 ? "yes" : "no"));
        }
        Path file = dir.resolve("table.csv");
        Files.writeString(file, sb.toString());
        return file;
    }

    private static double metric(Path run, String key) throws IOException {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.eE]+|NaN)").matcher(Files.readString(run.resolve("metrics.json")));
        assertTrue(m.find(), key + " in metrics.json");
        return Double.parseDouble(m.group(1));
    }

    private Path config(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void regressionFromCsvBeatsPredictingTheMean() throws IOException {
        table(600, 3);
        // drop the class column: the label is y, every other column a feature
        Path data = dir.resolve("regression.csv");
        Files.writeString(data, Files.readString(dir.resolve("table.csv")).replaceAll(",(yes|no|label)\\n", "\n"));
        Path run = dir.resolve("run");
        CliRunner r = CliRunner.run("train", config("reg.yaml", String.join("\n",
                "seed: 1", "epochs: 60", "batch_size: 32",
                "data: {dataset: csv, train: regression.csv, label: y, validation_split: 0.1}",
                "model:", "  layers: [{dense: 32}, relu, {dense: 1}]",
                "loss: mse", "")).toString(), "--out", run.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err() + r.out());
        double mse = metric(run, "test_loss");
        // Var(y) = 4 + 9 + 2 + 0.01 = 15.01: predicting the mean scores about 15; the noise floor is 0.01.
        System.out.println("csv regression test MSE " + mse);
        assertTrue(mse < 1.0, "test MSE " + mse + " should be far below the 15 of predicting the mean");
        assertTrue(Files.readString(run.resolve("metrics.json")).contains("\"test_accuracy\": null"), "no accuracy for regression");
        assertTrue(metric(run, "test_r2") > 0.9, "R^2 " + metric(run, "test_r2"));
        assertEquals(Math.sqrt(mse), metric(run, "test_rmse"), 1e-4 * Math.sqrt(mse) + 1e-6, "RMSE is the root of the test MSE");
    }

    @Test
    void classNamesWithSoftmaxCrossEntropyClassify() throws IOException {
        Path data = dir.resolve("classes.csv");
        table(600, 4);
        Files.writeString(data, Files.readString(dir.resolve("table.csv")).replaceAll("(?m)^([^,]*,[^,]*,[^,]*),[^,]*,", "$1,"));
        Path run = dir.resolve("run2");
        CliRunner r = CliRunner.run("train", config("cls.yaml", String.join("\n",
                "seed: 1", "epochs: 40", "batch_size: 32",
                "data: {dataset: csv, train: classes.csv, label: label}",
                "model:", "  layers: [{dense: 32}, relu, {dense: 2}]", "")).toString(), "--out", run.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err() + r.out());
        double accuracy = metric(run, "test_accuracy");
        System.out.println("csv two-class test accuracy " + accuracy);
        assertTrue(accuracy > 0.9, "test accuracy " + accuracy);
    }

    @Test
    void mixupTrainsOnTablesAndIsRefusedForARegression() throws IOException {
        Path data = dir.resolve("classes.csv");
        table(600, 4);
        Files.writeString(data, Files.readString(dir.resolve("table.csv")).replaceAll("(?m)^([^,]*,[^,]*,[^,]*),[^,]*,", "$1,"));
        Path run = dir.resolve("mixed");
        CliRunner r = CliRunner.run("train", config("mix.yaml", String.join("\n",
                "seed: 1", "epochs: 40", "batch_size: 32",
                "data: {dataset: csv, train: classes.csv, label: label}",
                "model:", "  layers: [{dense: 32}, relu, {dense: 2}]",
                "augmentation: {mixup: {alpha: 0.2}}", "")).toString(), "--out", run.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err() + r.out());
        double accuracy = metric(run, "test_accuracy");
        System.out.println("csv two-class test accuracy with mixup " + accuracy);
        assertTrue(accuracy > 0.9, "test accuracy " + accuracy);

        table(600, 3);
        Files.writeString(dir.resolve("regression.csv"),
                Files.readString(dir.resolve("table.csv")).replaceAll(",(yes|no|label)\\n", "\n"));
        Path refused = dir.resolve("refused");
        r = CliRunner.run("train", config("reg-mix.yaml", String.join("\n",
                "data: {dataset: csv, train: regression.csv, label: y}", "model:", "  layers: [{dense: 1}]", "loss: mse",
                "augmentation: {mixup: 0.2}", "")).toString(), "--out", refused.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.oneLineError(), r.err());
        assertTrue(r.err().contains("augmentation mixup is for classification runs, and this run is a regression "
                + "(loss mse on numeric labels)"), r.err());
        assertTrue(Files.notExists(refused), "nothing is written");
    }

    @Test
    void binaryCrossEntropyOnTwoClassNamesReportsAccuracyAndAuc() throws IOException {
        Path data = dir.resolve("binary.csv");
        table(600, 5);
        Files.writeString(data, Files.readString(dir.resolve("table.csv")).replaceAll("(?m)^([^,]*,[^,]*,[^,]*),[^,]*,", "$1,"));
        Path run = dir.resolve("run4");
        CliRunner r = CliRunner.run("train", config("bin.yaml", String.join("\n",
                "seed: 1", "epochs: 40", "batch_size: 32",
                "data: {dataset: csv, train: binary.csv, label: label}",
                "model:", "  layers: [{dense: 32}, relu, {dense: 1}]",
                "loss: binary_cross_entropy", "")).toString(), "--out", run.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err() + r.out());
        double accuracy = metric(run, "test_binary_accuracy");
        double auc = metric(run, "test_roc_auc");
        System.out.println("csv binary test accuracy " + accuracy + ", ROC-AUC " + auc);
        assertTrue(accuracy > 0.9, "test accuracy " + accuracy);
        assertTrue(auc > 0.95, "test ROC-AUC " + auc);
        assertTrue(Files.readString(run.resolve("history.csv")).lines().findFirst().orElseThrow()
                .endsWith(",binary_accuracy,roc_auc,val_binary_accuracy,val_roc_auc"), "metric columns in the history");
    }

    @Test
    void aBadCellStopsTheRunWithOneLineNamingIt() throws IOException {
        Files.writeString(dir.resolve("bad.csv"), "a,y\n1,2\nx,3\n");
        CliRunner r = CliRunner.run("train", config("bad.yaml", String.join("\n",
                "data: {dataset: csv, train: bad.csv, label: y}", "model:", "  layers: [{dense: 1}]", "loss: mse", "")).toString(),
                "--out", dir.resolve("run3").toString());
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.oneLineError(), r.err());
        assertTrue(r.err().contains("bad.csv line 3, column 'a': 'x' is not a number"), r.err());
    }
}
