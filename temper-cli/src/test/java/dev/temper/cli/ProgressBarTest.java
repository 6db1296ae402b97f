package dev.temper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.nn.Dense;
import dev.temper.nn.Sequential;
import dev.temper.optim.Sgd;
import dev.temper.tensor.Rng;
import dev.temper.train.EpochRecord;
import dev.temper.train.TrainingControl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The terminal's progress bar: steps, rate, ETA and running loss, redrawn in place and erased at the epoch's end. */
class ProgressBarTest {
    private final TrainingControl control =
            new TrainingControl(new Sequential(new Dense(1, 1, new Rng(1))), Sgd.defaults().build());

    @Test
    void showsStepsRateEtaAndRunningLossThenMakesWayForTheEpochLine() {
        long[] now = {0};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressBar bar = new ProgressBar(out, 30, 10, () -> now[0]);
        bar.onEpochBegin(3, control);
        now[0] = 1_000_000_000L; // one step per second for 4 steps, losses 4, 3, 2, 1
        for (int step = 1; step <= 4; step++) {
            now[0] = step * 1_000_000_000L;
            bar.onBatchEnd(3, step, 5 - step, control);
        }
        assertEquals("epoch  3/30 [============>                 ]  4/10  1.0 steps/s  ETA 6.0 s  loss 2.5000",
                bar.render(3, now[0]));
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.startsWith("\repoch  3/30 [===>"), drawn);
        assertTrue(drawn.contains("4/10  1.0 steps/s  ETA 6.0 s  loss 2.5000"), drawn);
        bytes.reset();
        bar.onEpochEnd(new EpochRecord(3, 2.5, Double.NaN, Double.NaN, Double.NaN, 4.0), control);
        String erased = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(erased.startsWith("\r") && erased.endsWith("\r") && erased.strip().isEmpty(), "erased: " + erased);
        assertEquals(bar.render(3, now[0]).length() + 2, erased.length(), "blanks over the whole bar");
    }

    @Test
    void redrawsAtMostEveryTenthOfASecondButAlwaysAtTheLastStep() {
        long[] now = {0};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 1, 100, () -> now[0]);
        bar.onEpochBegin(1, control);
        for (int step = 1; step <= 100; step++) {
            now[0] = step * 1_000_000L; // a millisecond per step: 100 steps in 0.1 s
            bar.onBatchEnd(1, step, 1.0, control);
        }
        long draws = bytes.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\r').count();
        assertTrue(draws <= 4, "first step, maybe one timed redraw, the last step: " + draws);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("100/100"), "the last step is drawn");
    }

    @Test
    void aTerminalGetsTheBarAndTheSameEpochLinesAPipeGetsAlone() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("progress");
        java.nio.file.Path run = java.nio.file.Files.writeString(dir.resolve("run.yaml"),
                "seed: 5\nepochs: 1\nbatch_size: 512\nmodel:\n  layers: [{dense: 8}, relu, {dense: 10}]\n");
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        int code = Main.run(java.util.List.of("train", run.toString(), "--out", dir.resolve("a").toString(), "--threads", "2"),
                new PrintStream(terminal, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), true);
        assertEquals(0, code);
        String shown = terminal.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("\repoch 1/1 [") && shown.contains("15/15") && shown.contains("steps/s"), shown);
        CliRunner plain = CliRunner.run("train", run.toString(), "--out", dir.resolve("b").toString(), "--threads", "2");
        assertFalse(plain.out().contains("\r"), "no bar when the output is not a terminal");
        String epochLine = plain.out().lines().filter(l -> l.startsWith("epoch ")).findFirst().orElseThrow();
        String withoutSeconds = epochLine.substring(0, epochLine.lastIndexOf("  "));
        assertTrue(shown.contains("\r" + withoutSeconds), "the epoch line replaces the bar: " + shown);
    }
}
