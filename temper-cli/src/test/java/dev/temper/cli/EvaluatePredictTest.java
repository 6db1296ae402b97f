package dev.temper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.data.EmbeddedMnist;
import dev.temper.data.IdxFile;
import dev.temper.io.NamedTensors;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code temper evaluate} and {@code temper predict} rebuild a model from its file alone: the same figures as the
 * training run's test, the same preprocessing, and one-line errors for inputs that do not fit.
 */
class EvaluatePredictTest {
    @TempDir
    static Path dir;
    static Path imageModel;
    static String imageTestLine;
    static Path tableModel;
    static String tableTestLine;

    @BeforeAll
    static void trainTwoModels() throws IOException {
        Path imageRun = Files.writeString(dir.resolve("image.yaml"), String.join("\n", "seed: 2", "epochs: 1",
                "batch_size: 256", "model:", "  layers: [{dense: 24}, relu, batch_normalization, {dense: 10}]",
                // a schedule whose warm-up needs the run's length: inference must not rebuild it
                "optimizer: {schedule: {name: cosine, per: step, warmup: 5}}", ""));
        CliRunner r = CliRunner.run("train", imageRun.toString(), "--out", dir.resolve("img").toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        imageModel = dir.resolve("img").resolve("model.safetensors");
        imageTestLine = line(r.out(), "test: ");

        table(dir.resolve("train.csv"), 400, 1);
        table(dir.resolve("test.csv"), 100, 2);
        Path tableRun = Files.writeString(dir.resolve("table.yaml"), String.join("\n", "seed: 1", "epochs: 10",
                "batch_size: 32", "data: {dataset: csv, train: train.csv, test: test.csv, label: kind}",
                "model:", "  layers: [{dense: 8}, relu, {dense: 3}]", ""));
        r = CliRunner.run("train", tableRun.toString(), "--out", dir.resolve("tab").toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        tableModel = dir.resolve("tab").resolve("model.safetensors");
        tableTestLine = line(r.out(), "test: ");
    }

    /** Three classes by which of a, b, c is largest; the scales differ a hundredfold, so standardization matters. */
    private static void table(Path file, int rows, long seed) throws IOException {
        Rng rng = new Rng(seed);
        StringBuilder sb = new StringBuilder("a,b,c,kind\n");
        for (int i = 0; i < rows; i++) {
            double a = rng.nextGaussian();
            double b = rng.nextGaussian();
            double c = rng.nextGaussian();
            String kind = a > b && a > c ? "alpha" : b > c ? "beta" : "gamma";
            sb.append(String.format(Locale.ROOT, "%.5f,%.3f,%.7f,%s%n", a, 100 * b, c / 100, kind));
        }
        Files.writeString(file, sb.toString());
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(out));
    }

    /** "loss 0.1234, accuracy 95.00%" out of a train or evaluate line. */
    private static String figures(String line) {
        Matcher m = Pattern.compile("loss [0-9.]+, accuracy [0-9.]+%").matcher(line);
        assertTrue(m.find(), line);
        return m.group();
    }

    @Test
    void evaluateGivesTheTrainingRunsTestFigures() {
        CliRunner images = CliRunner.run("evaluate", imageModel.toString(), "--data", "mnist10k");
        assertEquals(0, images.exitCode(), images.err());
        assertEquals(figures(imageTestLine), figures(images.out()), "batch-norm statistics and weights came back");
        assertTrue(images.out().contains("(2000 examples)"), images.out());

        CliRunner table = CliRunner.run("evaluate", tableModel.toString(), "--data", dir.resolve("test.csv").toString());
        assertEquals(0, table.exitCode(), table.err());
        assertEquals(figures(tableTestLine), figures(table.out()), "the training standardization was applied");
    }

    @Test
    void predictWritesClassesAndProbabilitiesForImages() throws IOException {
        IdxFile test = EmbeddedMnist.testImages();
        Path five = dir.resolve("five-images.idx");
        writeIdx(five, new int[] {5, 28, 28}, Arrays.copyOf(test.data(), 5 * 784));
        Path out = dir.resolve("five.csv");
        CliRunner r = CliRunner.run("predict", imageModel.toString(), "--input", five.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> rows = Files.readAllLines(out);
        assertEquals("prediction,p_0,p_1,p_2,p_3,p_4,p_5,p_6,p_7,p_8,p_9", rows.get(0));
        assertEquals(6, rows.size());
        for (String row : rows.subList(1, 6)) {
            String[] cells = row.split(",");
            double sum = 0;
            int best = 0;
            for (int j = 1; j <= 10; j++) {
                sum += Double.parseDouble(cells[j]);
                best = Double.parseDouble(cells[j]) > Double.parseDouble(cells[best + 1]) ? j - 1 : best;
            }
            assertEquals(1.0, sum, 1e-9, row);
            assertEquals(Integer.toString(best), cells[0], "the prediction is the most probable class: " + row);
        }
    }

    @Test
    void predictOnATableUsesTheColumnsByNameWithOrWithoutTheLabel() throws IOException {
        Path withLabel = dir.resolve("p1.csv");
        Path without = dir.resolve("p2.csv");
        assertEquals(0, CliRunner.run("predict", tableModel.toString(), "--input", dir.resolve("test.csv").toString(),
                "--out", withLabel.toString()).exitCode());
        // the same rows, columns reordered and the label dropped
        StringBuilder reordered = new StringBuilder("c,kind2,a,b\n".replace("kind2,", ""));
        for (String row : Files.readAllLines(dir.resolve("test.csv")).subList(1, 101)) {
            String[] cells = row.split(",");
            reordered.append(cells[2]).append(',').append(cells[0]).append(',').append(cells[1]).append('\n');
        }
        Path input = Files.writeString(dir.resolve("reordered.csv"), reordered.toString());
        CliRunner r = CliRunner.run("predict", tableModel.toString(), "--input", input.toString(), "--out", without.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Files.readAllLines(withLabel), Files.readAllLines(without));
        assertEquals("prediction,p_alpha,p_beta,p_gamma", Files.readAllLines(without).get(0));
        long right = 0;
        List<String> truth = Files.readAllLines(dir.resolve("test.csv"));
        List<String> predicted = Files.readAllLines(without);
        for (int i = 1; i <= 100; i++) {
            right += truth.get(i).endsWith("," + predicted.get(i).split(",")[0]) ? 1 : 0;
        }
        assertTrue(right > 70, "predictions agree with the labels mostly: " + right + "/100");
    }

    @Test
    void inputsThatDoNotFitAreOneLineErrors() throws IOException {
        assertError(2, "no such data file", "evaluate", tableModel.toString(), "--data", dir.resolve("nope.csv").toString());
        assertError(2, "no such model file", "predict", dir.resolve("none.safetensors").toString(), "--input", "x", "--out", "y");
        Path twoColumns = Files.writeString(dir.resolve("two.csv"), "a,b\n1,2\n");
        assertError(1, "two.csv: 2 feature columns, the model takes 3; missing c", "predict", tableModel.toString(),
                "--input", twoColumns.toString(), "--out", dir.resolve("o.csv").toString());
        Path extra = Files.writeString(dir.resolve("extra.csv"), "a,b,c,d\n1,2,3,4\n");
        assertError(1, "extra.csv: column 'd' is not one of the model's 3 features (a, b, c) or its label 'kind'",
                "predict", tableModel.toString(), "--input", extra.toString(), "--out", dir.resolve("o.csv").toString());
        Path badCell = Files.writeString(dir.resolve("bad.csv"), "a,b,c\n1,x,3\n");
        assertError(1, "bad.csv line 2, column 'b': 'x' is not a finite number", "predict", tableModel.toString(),
                "--input", badCell.toString(), "--out", dir.resolve("o.csv").toString());
        Path unknownClass = Files.writeString(dir.resolve("class.csv"), "a,b,c,kind\n1,2,3,delta\n");
        assertError(1, "column 'kind': class 'delta' is not one the model knows [alpha, beta, gamma]", "evaluate",
                tableModel.toString(), "--data", unknownClass.toString());
        Path small = dir.resolve("small.idx");
        writeIdx(small, new int[] {2, 3, 3}, new byte[18]);
        assertError(1, "small.idx: items of 3x3 = 9 values, the model takes 28x28 = 784 inputs", "predict",
                imageModel.toString(), "--input", small.toString(), "--out", dir.resolve("o.csv").toString());
        assertError(1, "two.csv: not an IDX file; the model takes images of 28x28", "predict", imageModel.toString(),
                "--input", twoColumns.toString(), "--out", dir.resolve("o.csv").toString());
        assertError(2, "the model takes images: give --data IMAGES.idx --labels LABELS.idx", "evaluate",
                imageModel.toString(), "--data", small.toString());
        assertError(2, "--data mnist10k is 28x28 digits; the model takes 3 inputs", "evaluate", tableModel.toString(),
                "--data", "mnist10k");
        Path bare = dir.resolve("bare.safetensors");
        NamedTensors.save(bare, Map.of("w", Tensor.zeros(2)), Map.of());
        assertError(1, "its metadata has no 'config'", "evaluate", bare.toString(), "--data", "mnist10k");
        Path broken = Files.write(dir.resolve("broken.safetensors"), new byte[] {9, 9, 9});
        assertError(1, "broken.safetensors", "predict", broken.toString(), "--input", "x", "--out", "y");
        assertError(2, "usage: temper predict", "predict", imageModel.toString());
    }

    private static void assertError(int code, String fragment, String... args) {
        CliRunner r = CliRunner.run(args);
        assertEquals(code, r.exitCode(), r.out() + r.err());
        assertTrue(r.oneLineError(), r.err());
        assertTrue(r.err().contains(fragment), r.err());
    }

    private static void writeIdx(Path file, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(0);
        out.writeByte(0);
        out.writeByte(8);
        out.writeByte(dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        Files.write(file, bytes.toByteArray());
    }
}
