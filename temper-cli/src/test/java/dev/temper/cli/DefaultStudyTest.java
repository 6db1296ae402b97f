package dev.temper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, {@code temper study} with no file, and the story it must tell on the embedded data:
 * the baseline overfits (training accuracy near 100%, a test gap above 3 points) and at least two regimes halve the
 * gap without lowering test accuracy below the baseline's. It trains all 27 runs (a few minutes), so it runs when
 * {@code TEMPER_FULL_STUDY=1}, which {@code .ci/run} sets.
 */
@EnabledIfEnvironmentVariable(named = "TEMPER_FULL_STUDY", matches = "1")
class DefaultStudyTest {
    @Test
    void theDefaultStudyShowsTheBaselineOverfittingAndTwoRegimesHalvingItsGap(@TempDir Path dir) throws IOException {
        CliRunner r = CliRunner.run("study", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Map<String, Double>> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
        String[] header = lines.get(0).split(",", -1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, Double> row = new HashMap<>();
            for (int i = 1; i < cells.length; i++) {
                row.put(header[i], cells[i].isEmpty() ? Double.NaN : Double.parseDouble(cells[i]));
            }
            rows.put(cells[0], row);
        }
        assertEquals(9, rows.size(), rows.keySet().toString());
        Map<String, Double> baseline = rows.get("baseline");
        double gap = baseline.get("generalization_gap_mean");
        double test = baseline.get("final_test_accuracy_mean");
        assertTrue(baseline.get("final_train_accuracy_mean") >= 0.99, "baseline train accuracy " + baseline);
        assertTrue(gap > 0.03, "baseline gap " + gap);
        List<String> halving = new ArrayList<>();
        rows.forEach((regime, row) -> {
            if (!regime.equals("baseline") && row.get("generalization_gap_mean") <= gap / 2
                    && row.get("final_test_accuracy_mean") >= test) {
                halving.add(regime);
            }
        });
        assertTrue(halving.size() >= 2, "regimes halving the baseline's gap of " + gap + " at test accuracy >= "
                + test + ": " + halving + "\n" + r.out());
        assertTrue(r.out().contains("Halving the gap without lowering the test accuracy: "), r.out());
    }
}
