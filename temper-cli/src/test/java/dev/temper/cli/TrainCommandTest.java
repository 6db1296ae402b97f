package dev.temper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    Path dir;

    private Path config(String yaml) throws IOException {
        Path file = dir.resolve("run.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static final String SMALL = String.join("\n",
            "seed: 5",
            "epochs: 2",
            "batch_size: 256",
            "model:",
            "  layers:",
            "    - dense: 32",
            "    - relu",
            "    - dropout: 0.1",
            "    - dense: 10",
            "");

    @Test
    void writesHistoryAndMetricsAndPrintsOneLinePerEpoch() throws IOException {
        Path out = dir.resolve("run");
        CliRunner r = CliRunner.run("train", config(SMALL).toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, r.out().lines().filter(l -> l.startsWith("epoch ")).count(), r.out());
        List<String> history = Files.readAllLines(out.resolve("history.csv"));
        assertEquals("epoch,train_loss,train_penalty,train_total_loss,train_accuracy,val_loss,val_accuracy,seconds", history.get(0));
        assertEquals(3, history.size());
        String metrics = Files.readString(out.resolve("metrics.json"));
        assertTrue(metrics.contains("\"test_accuracy\": 0."), metrics);
        assertTrue(metrics.contains("\"test_loss\": "), metrics);
        assertTrue(metrics.contains("\"seed\": 5"), metrics);
        // the weights file reads back into a model of the same architecture, every tensor present
        dev.temper.nn.Sequential twin = ModelBuilder.model(
                dev.temper.cli.config.TrainConfigParser.parse(dir.resolve("run.yaml")).layers(), 784, new dev.temper.tensor.Rng(1));
        java.util.Map<String, String> meta = dev.temper.io.NamedTensors.loadInto(out.resolve("model.safetensors"), ModelFile.state(twin));
        assertTrue(meta.get("run_file").contains("seed: 5"), meta.toString());
        CliRunner summary = CliRunner.run("summary", out.resolve("model.safetensors").toString());
        assertEquals(0, summary.exitCode(), summary.err());
        assertTrue(summary.out().contains("dense_1.kernel") && summary.out().contains("[784, 32]"), summary.out());
        assertTrue(summary.out().contains("Total values: 25,450 in 4 tensors"), summary.out());
        java.nio.file.Files.write(dir.resolve("broken.safetensors"), new byte[] {1, 2, 3});
        CliRunner broken = CliRunner.run("summary", dir.resolve("broken.safetensors").toString());
        assertEquals(1, broken.exitCode());
        assertTrue(broken.oneLineError() && broken.err().contains("broken.safetensors"), broken.err());
    }

    @Test
    void normalizationAndNewActivationLayersTrainFromTheConfig() throws IOException {
        Path out = dir.resolve("norm");
        String yaml = String.join("\n", "seed: 5", "epochs: 1", "batch_size: 256", "model:", "  layers:",
                "    - dense: 32", "    - batch_normalization", "    - gelu", "    - dense: 16", "    - layer_normalization",
                "    - leaky_relu", "    - dense: 10", "");
        CliRunner r = CliRunner.run("train", config(yaml).toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("batch_normalization_1") && r.out().contains("layer_normalization_1"), r.out());
        assertTrue(Files.readString(out.resolve("metrics.json")).contains("\"test_accuracy\": 0."), "trained and tested");
    }

    @Test
    void weightPenaltiesAreReportedAsTermsAndL2WithAdamIsWarnedAbout() throws IOException {
        Path out = dir.resolve("penalized");
        String yaml = SMALL.replace("epochs: 2", "epochs: 1") + "regularization:\n  l2: 1.0e-4\n  l1: 1.0e-5\n";
        CliRunner r = CliRunner.run("train", config(yaml).toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("warning: ") && l.contains("adam")), r.out());
        String header = Files.readAllLines(out.resolve("history.csv")).get(0);
        assertTrue(header.endsWith(",penalty_l1,penalty_l2"), header);
        String row = Files.readAllLines(out.resolve("history.csv")).get(1);
        assertTrue(Double.parseDouble(row.split(",")[2]) > 0, "train_penalty > 0: " + row);
    }

    @Test
    void sameSeedReproducesTheSameHistory() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path file = config(SMALL);
        assertEquals(0, CliRunner.run("train", file.toString(), "--out", a.toString(), "--threads", "2").exitCode());
        assertEquals(0, CliRunner.run("train", file.toString(), "--out", b.toString(), "--threads", "2").exitCode());
        assertEquals(withoutSeconds(a.resolve("history.csv")), withoutSeconds(b.resolve("history.csv")));
    }

    private static List<String> withoutSeconds(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    @Test
    void unknownConfigKeyIsAOneLineErrorWithExitCodeTwo() throws IOException {
        Path file = config("epochs: 1\noptimizer:\n  name: adam\n  lerning_rate: 0.1\n");
        CliRunner r = CliRunner.run("train", file.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.oneLineError(), r.err());
        assertTrue(r.err().contains("lerning_rate") && r.err().contains("line 4"), r.err());
        assertTrue(Files.notExists(dir.resolve("x")), "nothing is written for a bad config");
    }

    @Test
    void illTypedConfigValueIsAOneLineError() throws IOException {
        CliRunner r = CliRunner.run("train", config("epochs: ten\n").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.oneLineError(), r.err());
        assertTrue(r.err().contains("'epochs'"), r.err());
    }

    @Test
    void malformedIdxFileIsAOneLineErrorNamingTheFile() throws IOException {
        Path bad = dir.resolve("train-images.idx");
        Files.write(bad, new byte[] {0, 0, 8, 3, 0, 0, 0, 10, 0, 0, 0, 28, 0, 0, 0, 28, 1, 2, 3}); // header says 7840 bytes
        String yaml = String.join("\n",
                "data:",
                "  dataset: idx",
                "  train_images: train-images.idx",
                "  train_labels: train-labels.idx",
                "  test_images: test-images.idx",
                "  test_labels: test-labels.idx",
                "");
        CliRunner r = CliRunner.run("train", config(yaml).toString(), "--out", dir.resolve("y").toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.oneLineError(), r.err());
        assertTrue(r.err().contains("train-images.idx") && r.err().contains("truncated"), r.err());
    }

    @Test
    void missingConfigFileIsAOneLineError() {
        CliRunner r = CliRunner.run("train", dir.resolve("nope.yaml").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.oneLineError(), r.err());
        assertTrue(r.err().contains("nope.yaml"), r.err());
    }

    @Test
    void unknownOptionAndUnknownCommandAreUsageErrors() {
        CliRunner r = CliRunner.run("train", "--sed", "3");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--sed") && r.err().contains("--seed"), r.err());
        r = CliRunner.run("trian");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("trian"), r.err());
        assertEquals(0, CliRunner.run("help").exitCode());
    }
}
