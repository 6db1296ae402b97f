package dev.temper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.study.Quantity;
import dev.temper.study.Statistic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code temper study} end to end on a tiny study. The figures are checked against the run files with a reader of
 * the test's own (not the library's), so a table that drifted from the files it claims to summarize fails here.
 */
class StudyCommandTest {
    private static final List<String> REGIMES = List.of("baseline", "l1", "early_stopping", "augmentation");

    /** One history.csv: column name to the values, epoch by epoch. */
    private static Map<String, double[]> history(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        Map<String, double[]> out = new HashMap<>();
        for (int c = 0; c < header.length; c++) {
            double[] v = new double[lines.size() - 1];
            for (int r = 1; r < lines.size(); r++) {
                String cell = lines.get(r).split(",", -1)[c];
                v[r - 1] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
            }
            out.put(header[c], v);
        }
        return out;
    }

    /** A number of a flat metrics.json, by key. */
    private static double metric(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (-?[0-9.Ee+-]+|null)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return m.group(1).equals("null") ? Double.NaN : Double.parseDouble(m.group(1));
    }

    private static Map<String, String> resultsRow(Path csv, String regime) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",", -1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells[0].equals(regime)) {
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                return row;
            }
        }
        throw new AssertionError("no row for " + regime + " in " + csv);
    }

    @Test
    void everyFigureOfTheTableComesFromTheRunFiles(@TempDir Path dir) throws IOException {
        CliRunner r = CliRunner.run("study", StudyFixtures.write(dir, StudyFixtures.TINY).toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.err());
        String output = r.out().replace("+-", "±");
        for (String regime : REGIMES) {
            Map<Quantity, double[]> perRun = new HashMap<>();
            for (Quantity q : Quantity.values()) {
                perRun.put(q, new double[2]);
            }
            for (int seed = 1; seed <= 2; seed++) {
                Path run = dir.resolve("out/runs/" + regime + "/seed-" + seed);
                Map<String, double[]> h = history(run.resolve("history.csv"));
                String metrics = Files.readString(run.resolve("metrics.json"));
                int epochs = h.get("epoch").length;
                int best = 0; // the lowest validation loss, the first of equals
                for (int e = 1; e < epochs; e++) {
                    if (h.get("val_loss")[e] < h.get("val_loss")[best]) {
                        best = e;
                    }
                }
                // early stopping restores the best epoch's weights: its final model is that epoch's
                int last = regime.equals("early_stopping") ? best : epochs - 1;
                Map<Quantity, Double> expected = new HashMap<>();
                String[][] columns = {{"train_eval_loss", "TRAIN_LOSS"}, {"train_eval_accuracy", "TRAIN_ACCURACY"},
                    {"val_loss", "VALIDATION_LOSS"}, {"val_accuracy", "VALIDATION_ACCURACY"},
                    {"test_loss", "TEST_LOSS"}, {"test_accuracy", "TEST_ACCURACY"}};
                for (String[] c : columns) {
                    expected.put(Quantity.valueOf("FINAL_" + c[1]), h.get(c[0])[last]);
                    expected.put(Quantity.valueOf("BEST_" + c[1]), h.get(c[0])[best]);
                }
                expected.put(Quantity.GENERALIZATION_GAP, h.get("train_eval_accuracy")[last] - h.get("test_accuracy")[last]);
                expected.put(Quantity.BEST_EPOCH, best + 1.0);
                expected.put(Quantity.EPOCHS_RUN, (double) epochs);
                for (Quantity q : List.of(Quantity.WEIGHT_L2_NORM, Quantity.WEIGHT_ZERO_FRACTION, Quantity.WALL_SECONDS)) {
                    expected.put(q, metric(metrics, q.key()));
                }
                for (Quantity q : Quantity.values()) {
                    assertEquals(expected.get(q), metric(metrics, q.key()), regime + " seed " + seed + " " + q.key());
                    perRun.get(q)[seed - 1] = expected.get(q);
                }
                if (regime.equals("early_stopping")) {
                    assertTrue(epochs < 30, "patience 0 stops this overfitting run early: " + epochs);
                }
            }
            Map<String, String> row = resultsRow(dir.resolve("out/results.csv"), regime);
            List<String> cells = new ArrayList<>();
            for (Quantity q : Quantity.values()) {
                Statistic s = Statistic.of(perRun.get(q));
                assertEquals(s.mean(), Double.parseDouble(row.get(q.key() + "_mean")), 1e-12, regime + " " + q.key());
                assertEquals(s.std(), Double.parseDouble(row.get(q.key() + "_std")), 1e-12, regime + " " + q.key());
                cells.add(StudyTables.cell(q, s));
            }
            // and the printed tables show those numbers, in the order of their rows
            String finalRow = tableRow(output, "Final model", regime);
            for (Quantity q : List.of(Quantity.FINAL_TRAIN_ACCURACY, Quantity.FINAL_VALIDATION_ACCURACY,
                    Quantity.FINAL_TEST_ACCURACY, Quantity.GENERALIZATION_GAP, Quantity.FINAL_TRAIN_LOSS,
                    Quantity.FINAL_VALIDATION_LOSS, Quantity.FINAL_TEST_LOSS)) {
                assertTrue(finalRow.contains(cells.get(q.ordinal())), regime + " " + q.key() + " '"
                        + cells.get(q.ordinal()) + "' in: " + finalRow);
            }
            String html = Files.readString(dir.resolve("out/report.html"));
            assertTrue(html.contains("<td>" + cells.get(Quantity.GENERALIZATION_GAP.ordinal()) + "</td>"), regime);
        }
        assertTrue(r.out().contains("wrote " + dir.resolve("out/report.html")), r.out());
    }

    /** The printed row of {@code regime} in the table whose title starts with {@code title}. */
    private static String tableRow(String output, String title, String regime) {
        String table = output.substring(output.indexOf(title));
        table = table.substring(0, table.indexOf("\n\n") < 0 ? table.length() : table.indexOf("\n\n"));
        return table.lines().filter(l -> l.startsWith(regime + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + regime + " in " + output));
    }

    @Test
    void theSameConfigurationAndSeedsPrintTheSameTables(@TempDir Path dir) throws IOException {
        Path config = StudyFixtures.write(dir, StudyFixtures.TINY);
        CliRunner a = CliRunner.run("study", config.toString(), "--out", dir.resolve("a").toString(), "--seeds", "1");
        CliRunner b = CliRunner.run("study", config.toString(), "--out", dir.resolve("b").toString(), "--seeds", "1");
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(0, b.exitCode(), b.err());
        assertEquals(withoutClock(tables(a.out())), withoutClock(tables(b.out())));
        assertEquals(withoutClock(Files.readString(dir.resolve("a/results.csv"))),
                withoutClock(Files.readString(dir.resolve("b/results.csv"))));
    }

    /** The printed tables, from the first table's title to the findings. */
    private static String tables(String output) {
        return output.substring(output.indexOf("Final model"), output.indexOf("wrote "));
    }

    /** Wall-clock seconds differ from run to run; everything else must not. */
    private static String withoutClock(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.startsWith("regime,")) {
                out.add(line);
            } else if (line.contains(",")) { // results.csv: drop the last two columns (wall_seconds mean and std)
                String[] cells = line.split(",", -1);
                out.add(String.join(",", List.of(cells).subList(0, cells.length - 2)));
            } else if (line.matches("\\S+\\s+\\d+\\s+\\d.*") && text.contains("Weights and cost")) {
                out.add(line.replaceAll("\\s+[0-9.]+( [±+-]+ [0-9.]+)?$", ""));
            } else {
                out.add(line);
            }
        }
        return String.join("\n", out);
    }

    @Test
    void aFinishedStudyIsReadAgainNotRetrained(@TempDir Path dir) throws IOException {
        Path config = StudyFixtures.write(dir, StudyFixtures.TINY);
        String out = dir.resolve("out").toString();
        CliRunner first = CliRunner.run("study", config.toString(), "--out", out, "--seeds", "1");
        CliRunner again = CliRunner.run("study", config.toString(), "--out", out, "--seeds", "1");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(4, again.out().lines().filter(l -> l.contains("(finished before: read from disk)")).count(), again.out());
        assertEquals(tables(first.out()), tables(again.out()));
    }

    @Test
    void aChangedConfigurationIsNotMixedWithTheRunsOfTheOldOne(@TempDir Path dir) throws IOException {
        String out = dir.resolve("out").toString();
        CliRunner.run("study", StudyFixtures.write(dir, StudyFixtures.TINY).toString(), "--out", out, "--seeds", "1");
        CliRunner changed = CliRunner.run("study", StudyFixtures.write(dir, StudyFixtures.TINY.replace("epochs: 3", "epochs: 2"))
                .toString(), "--out", out, "--seeds", "1");
        assertEquals(1, changed.exitCode());
        assertTrue(changed.oneLineError(), changed.err());
        assertTrue(changed.err().contains("runs/baseline/seed-1") && changed.err().contains("another configuration"),
                changed.err());
    }

    @Test
    void badStudiesAreOneLineErrors(@TempDir Path dir) throws IOException {
        CliRunner r = CliRunner.run("study", StudyFixtures.write(dir, StudyFixtures.TINY.replace("proximal_l1", "proximal_l3"))
                .toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.oneLineError() && r.err().contains("line 10") && r.err().contains("(in regime 'l1')"), r.err());
        r = CliRunner.run("study", "a.yaml", "b.yaml");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("at most one study file"), r.err());
        r = CliRunner.run("study", StudyFixtures.write(dir, StudyFixtures.TINY.replace("train_examples: 200",
                "train_examples: 20000")).toString(), "--out", dir.resolve("o2").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.oneLineError() && r.err().contains("train_examples is 20000"), r.err());
    }
}
