package dev.temper.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.train.BackupAndRestore;
import dev.temper.train.CheckpointFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The must-show: a {@code temper train} process killed with SIGKILL in the middle of an epoch, then rerun
 * with {@code --resume}, ends with the weights file and the history of the uninterrupted run with the same seed, bit
 * for bit (the history's {@code seconds} column, wall-clock time, aside). The killed run is a child JVM running the
 * command line; the reference and the resumed runs are in-process (same code, same thread count). The same test
 * shows the errors for the wrong ways to continue: without {@code --resume}, with another config, from a damaged
 * backup, with nothing to resume.
 */
class ResumeAfterKillTest {
    private static final int EPOCHS = 3;
    /**
     * One kernel thread: the runs are small, and on a machine shared by many builds two threads made each epoch
     * ten times slower (measured 2026-12-01 at load 15 on 2 cores: 0.5 s per epoch with one thread, 5 s with two).
     */
    private static final String THREADS = "1";
    private static final String CONFIG = String.join("\n",
            "seed: 7",
            "epochs: " + EPOCHS,
            "batch_size: 32",
            "model:",
            "  layers:",
            "    - dense: 32",
            "    - relu",
            "    - dropout: 0.2",
            "    - dense: 10",
            "");

    @TempDir
    Path dir;

    /** history.csv without its wall-clock {@code seconds} column. */
    private static List<String> historyWithoutSeconds(Path run) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("history.csv"));
        int seconds = Arrays.asList(lines.get(0).split(",")).indexOf("seconds");
        assertTrue(seconds >= 0, lines.get(0));
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
            cells.remove(seconds);
            out.add(String.join(",", cells));
        }
        return out;
    }

    @Test
    void aRunKilledMidEpochAndResumedEndsBitIdenticalToTheUninterruptedRun() throws Exception {
        Path config = dir.resolve("run.yaml");
        Files.writeString(config, CONFIG);

        Path reference = dir.resolve("reference");
        CliRunner whole = CliRunner.run("train", config.toString(), "--out", reference.toString(), "--threads", THREADS);
        assertEquals(0, whole.exitCode(), whole.err());
        assertFalse(Files.exists(reference.resolve(BackupAndRestore.FILE_NAME)), "a finished run deletes its backup");

        // the child: the real command line in its own JVM, killed as soon as its first backup exists (early in epoch 2)
        Path crashed = dir.resolve("crashed");
        Path childOut = dir.resolve("child.out");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "train", config.toString(), "--out", crashed.toString(), "--threads", THREADS)
                .redirectErrorStream(true).redirectOutput(childOut.toFile()).start();
        Path backup = crashed.resolve(BackupAndRestore.FILE_NAME);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(backup) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertTrue(child.isAlive(), "the child ended before its first backup: " + Files.readString(childOut));
        assertTrue(Files.exists(backup), "no backup within two minutes: " + Files.readString(childOut));
        child.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hook, no finally block runs
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        if (!System.getProperty("os.name").startsWith("Windows")) {
            assertEquals(128 + 9, child.exitValue(), "killed by signal 9");
        }
        List<String> epochLines = Files.readAllLines(childOut).stream().filter(l -> l.startsWith("epoch ")).toList();
        int backedUp = CheckpointFile.read(backup).epoch();
        assertTrue(backedUp >= 1 && backedUp < EPOCHS, "killed before the end: the backup holds epoch " + backedUp);
        // each epoch prints its line before its backup is written: the kill came during the epoch after the backup's
        assertTrue(epochLines.size() == backedUp || epochLines.size() == backedUp + 1, epochLines + " vs backup " + backedUp);
        assertFalse(Files.exists(crashed.resolve("model.safetensors")), "the killed run never finished");

        // the wrong ways to continue are one-line errors that change nothing
        CliRunner noFlag = CliRunner.run("train", config.toString(), "--out", crashed.toString(), "--threads", THREADS);
        assertEquals(2, noFlag.exitCode());
        assertTrue(noFlag.oneLineError() && noFlag.err().contains("add --resume"), noFlag.err());
        Path changed = dir.resolve("changed.yaml");
        Files.writeString(changed, CONFIG.replace("epochs: " + EPOCHS, "epochs: " + (EPOCHS + 1)));
        CliRunner other = CliRunner.run("train", changed.toString(), "--out", crashed.toString(), "--threads", THREADS, "--resume");
        assertEquals(2, other.exitCode());
        assertTrue(other.oneLineError() && other.err().contains("epochs is " + EPOCHS + " in the backup, " + (EPOCHS + 1) + " now"),
                other.err());
        Path damagedRun = dir.resolve("damaged");
        Files.createDirectories(damagedRun);
        byte[] bytes = Files.readAllBytes(backup);
        Files.write(damagedRun.resolve(BackupAndRestore.FILE_NAME), Arrays.copyOf(bytes, bytes.length / 2));
        CliRunner damaged = CliRunner.run("train", config.toString(), "--out", damagedRun.toString(), "--threads", THREADS, "--resume");
        assertEquals(1, damaged.exitCode());
        assertTrue(damaged.oneLineError() && damaged.err().contains(BackupAndRestore.FILE_NAME), damaged.err());

        CliRunner resumed = CliRunner.run("train", config.toString(), "--out", crashed.toString(), "--threads", THREADS, "--resume");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("resuming from " + backup + ": epoch " + backedUp + " was the last one finished"),
                resumed.out());
        assertEquals(EPOCHS - backedUp, resumed.out().lines().filter(l -> l.startsWith("epoch ")).count(), resumed.out());

        assertArrayEquals(Files.readAllBytes(reference.resolve("model.safetensors")),
                Files.readAllBytes(crashed.resolve("model.safetensors")), "weights file, byte for byte");
        assertEquals(historyWithoutSeconds(reference), historyWithoutSeconds(crashed));
        assertEquals(EPOCHS + 1, historyWithoutSeconds(crashed).size());
        assertFalse(Files.exists(backup), "the backup is deleted once the results are written");

        CliRunner again = CliRunner.run("train", config.toString(), "--out", crashed.toString(), "--threads", THREADS, "--resume");
        assertEquals(2, again.exitCode());
        assertTrue(again.oneLineError() && again.err().contains("nothing to resume"), again.err());
        CliRunner noOut = CliRunner.run("train", config.toString(), "--resume");
        assertEquals(2, noOut.exitCode());
        assertTrue(noOut.oneLineError() && noOut.err().contains("--resume needs --out DIR"), noOut.err());
    }
}
