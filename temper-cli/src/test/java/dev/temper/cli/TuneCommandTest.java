package dev.temper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.cli.config.ConfigException;
import dev.temper.cli.config.TuneConfig;
import dev.temper.cli.config.TuneConfigParser;
import dev.temper.tune.Configuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneCommandTest {
    /** A search small enough for a unit test: 4 grid points, 2 epochs each, a 16-unit MLP. */
    private static final String SMALL = String.join("\n",
            "batch_size: 256",
            "optimizer: {name: sgd}",
            "model:",
            "  layers: [{dense: 16}, relu, {dropout: 0.1}, {dense: 10}]",
            "search:",
            "  strategy: grid",
            "  max_epochs: 2",
            "  retrain: true",
            "  parameters:",
            "    optimizer.learning_rate: [0.1, 1.0e+6]",
            "    dropout: {type: float, low: 0.0, high: 0.5, key: model.layers.2.dropout}",
            "");

    @Test
    void aSmallGridRunsWritesItsFilesAndResumesWithoutRunningAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tune.yaml");
        Files.writeString(file, SMALL.replace("grid_points", "grid_points") + "  grid_points: 2\n");
        Path out = dir.resolve("study");
        CliRunner r = CliRunner.run("tune", file.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err() + r.out());
        assertTrue(r.out().contains("budget: grid search, 2 points per range: 4 configurations x 2 epochs = 8 epochs in all"), r.out());
        assertTrue(r.out().contains("retrained on train+validation for 2 epochs"), r.out());
        List<String> csv = Files.readAllLines(out.resolve("trials.csv"));
        assertEquals("trial,state,value,epochs_budget,epochs_run,seconds,seed,optimizer.learning_rate,dropout,reason", csv.get(0));
        assertEquals(5, csv.size());
        assertEquals(4, csv.stream().filter(l -> l.contains(",complete,")).count(), String.join("\n", csv));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Optimization history") && html.contains("Parameter importance") && html.contains("src=\"data:image/svg+xml;base64,"));
        assertTrue(Files.exists(out.resolve("best.safetensors")));
        CliRunner evaluated = CliRunner.run("evaluate", out.resolve("best.safetensors").toString(), "--data", "mnist10k");
        assertEquals(0, evaluated.exitCode(), evaluated.err());
        java.util.regex.Matcher retrained = java.util.regex.Pattern.compile("test loss ([0-9.]+)").matcher(r.out());
        assertTrue(retrained.find(), r.out());
        assertTrue(evaluated.out().startsWith("evaluate: loss " + retrained.group(1)),
                "the best model file evaluates as the retrained model did: " + evaluated.out());
        assertTrue(Files.readString(out.resolve("best.json")).contains("\"best_trial\""));

        CliRunner again = CliRunner.run("tune", file.toString(), "--out", out.toString(), "--resume", "--threads", "2");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("resumed: 4 finished jobs kept"), again.out());
        assertTrue(again.out().contains("(0 run now)"), again.out());
        CliRunner refused = CliRunner.run("tune", file.toString(), "--out", out.toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.oneLineError() && refused.err().contains("already there"), refused.err());
    }

    /**
     * Folds over a standardized CSV table run end to end through the per-fold standardization (what it fits on is
     * tested in {@code CrossValidationRunTest} and the library's {@code CrossValidationTest}).
     */
    @Test
    void foldsOverAStandardizedTableScoreEachConfigurationByCrossValidation(@TempDir Path dir) throws Exception {
        dev.temper.tensor.Rng rng = new dev.temper.tensor.Rng(2);
        StringBuilder table = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 240; i++) {
            double a = 50 + 10 * rng.nextGaussian(); // far from standardized, as read
            double b = rng.nextGaussian();
            table.append(String.format(java.util.Locale.ROOT, "%.4f,%.4f,%s%n", a, b, (a - 50) / 10 + b > 0 ? "hi" : "lo"));
        }
        Files.writeString(dir.resolve("t.csv"), table.toString());
        Path file = dir.resolve("tune.yaml");
        Files.writeString(file, String.join("\n", "batch_size: 16",
                "data: {dataset: csv, train: t.csv, label: label, validation_split: 0.25}",
                "model:", "  layers: [{dense: 2}]", "search:", "  strategy: grid", "  max_epochs: 10", "  folds: 2",
                "  parameters:", "    optimizer.learning_rate: [0.05, 0.1]", ""));
        Path out = dir.resolve("study");
        CliRunner r = CliRunner.run("tune", file.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err() + r.out());
        List<String> csv = Files.readAllLines(out.resolve("trials.csv"));
        assertEquals(3, csv.size(), String.join("\n", csv));
        for (String line : csv.subList(1, 3)) {
            double accuracy = Double.parseDouble(line.split(",")[2]);
            assertTrue(accuracy > 0.75, "a linear boundary, learned on every fold: " + line);
        }
    }

    @Test
    void searchValuesAreWrittenIntoTheRunFileByKey() {
        TuneConfig c = TuneConfigParser.parse(SMALL, "t.yaml", Path.of("."));
        Configuration point = new Configuration(Map.of("optimizer.learning_rate", 0.1, "dropout", 0.25));
        var run = c.base().config(c.runValues(point), point.describe());
        assertEquals(0.1, run.optimizer().learningRate());
        assertEquals(0.25, run.layers().get(2).rate());
        assertEquals(16, run.layers().get(0).units());
    }

    @Test
    void badSearchesAreOneLineErrorsNamingTheLine() {
        String[][] cases = {
            {SMALL.replace("key: model.layers.2.dropout", "key: model.layers.9.dropout"), "line 11", "has 4 entries"},
            {SMALL.replace("type: float, low: 0.0, high: 0.5", "type: float, low: 0.5, high: 0.5"), "line 11", "'dropout'"},
            {SMALL.replace("optimizer.learning_rate: [0.1, 1.0e+6]", "optimizer.lerning_rate: [0.1]"), "line 10", "lerning_rate"},
            {SMALL.replace("strategy: grid", "strategy: annealing"), "line 6", "annealing"},
            {SMALL.replace("key: model.layers.2.dropout", "key: data.validation_split"), "line 11", "cannot be searched"},
            {SMALL.replace("type: float, low: 0.0", "type: float, low: 0.0, choices: [1]"), "line 11", "'choices'"},
        };
        for (String[] t : cases) {
            ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                    () -> TuneConfigParser.parse(t[0], "t.yaml", Path.of(".")), t[2]);
            assertTrue(e.getMessage().contains(t[1]) && e.getMessage().contains(t[2]), e.getMessage());
        }
    }

    @Test
    void theDefaultSearchIsTheExampleFileAndHyperband() throws Exception {
        String resource = new String(TuneCommand.class.getResourceAsStream(TuneCommand.DEFAULT_RESOURCE).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(Files.readString(Path.of("..", "examples", "tune-mlp-mnist.yaml")), resource);
        TuneConfig c = TuneCommand.defaultConfig();
        assertEquals(List.of("optimizer.learning_rate", "dropout_rate", "regularization.l2", "width"),
                c.space().parameters().stream().map(p -> p.name()).toList());
        assertEquals("Hyperband R=27, eta=3: 4 brackets, 49 configurations, 357 epochs in all",
                TuneCommand.strategy(c).cost().description());
    }
}
