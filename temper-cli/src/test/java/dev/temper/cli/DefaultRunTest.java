package dev.temper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, {@code temper train} with no config: the default MLP on the embedded MNIST subset
 * must reach at least 95% test accuracy (the engine issue's bar). Takes about half a minute.
 */
class DefaultRunTest {
    @Test
    void defaultRunReachesNinetyFivePercentTestAccuracy(@TempDir Path dir) throws IOException {
        CliRunner r = CliRunner.run("train", "--out", dir.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        String metrics = Files.readString(dir.resolve("metrics.json"));
        Matcher m = Pattern.compile("\"test_accuracy\": ([0-9.]+)").matcher(metrics);
        assertTrue(m.find(), metrics);
        double accuracy = Double.parseDouble(m.group(1));
        assertTrue(accuracy >= 0.95, "test accuracy " + accuracy + "\n" + r.out());
    }
}
