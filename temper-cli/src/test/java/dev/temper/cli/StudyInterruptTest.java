package dev.temper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C, for real: {@code temper study} runs in a child JVM, gets SIGINT (what a terminal sends) once its first run
 * is on disk, and must exit 130 having kept and reported the finished runs; the same command then resumes, training
 * only the rest, and ends with the figures of a study that was never interrupted.
 */
class StudyInterruptTest {

    private static long runDirectories(Path out) throws IOException {
        if (!Files.isDirectory(out.resolve("runs"))) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(out.resolve("runs"), 2)) {
            return paths.filter(p -> p.getFileName().toString().startsWith("seed-")).count();
        }
    }

    @Test
    void ctrlCKeepsAndReportsFinishedRunsAndTheSameCommandResumes(@TempDir Path dir) throws Exception {
        Path config = StudyFixtures.write(dir, StudyFixtures.TINY);
        Path out = dir.resolve("out");
        Path log = dir.resolve("child.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xmx1g", "-Dtemper.threads=2", "-cp",
                System.getProperty("java.class.path"), "dev.temper.cli.Main", "study", config.toString(), "--out",
                out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (runDirectories(out) == 0 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(child.isAlive(), "the study ended before it could be interrupted: " + Files.readString(log));
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor());
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child did not exit after SIGINT");
        } finally {
            child.destroyForcibly();
        }
        String output = Files.readString(log);
        assertEquals(StudyCommand.INTERRUPTED, child.exitValue(), output);
        long kept = runDirectories(out);
        assertTrue(kept >= 1 && kept < 8, kept + " runs kept: " + output);
        assertTrue(output.contains("interrupted: " + kept + " of 8 runs finished"), output);
        String results = Files.readString(out.resolve("results.json"));
        assertTrue(results.contains("\"complete\": false") && results.contains("\"finished_runs\": " + kept), results);
        assertTrue(Files.readString(out.resolve("report.html")).contains("interrupted: run the same command again"));
        try (Stream<Path> paths = Files.walk(out)) {
            List<Path> temporary = paths.filter(p -> p.getFileName().toString().startsWith(".")).toList();
            assertTrue(temporary.isEmpty() || temporary.stream().allMatch(p -> p.toString().contains("/runs/")),
                    "only an abandoned run's temporary directory may be left: " + temporary);
        }

        CliRunner resumed = CliRunner.run("study", config.toString(), "--out", out.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(kept, resumed.out().lines().filter(l -> l.contains("(finished before: read from disk)")).count(),
                resumed.out());
        assertFalse(Files.readString(out.resolve("results.json")).contains("\"complete\": false"));
        CliRunner straight = CliRunner.run("study", config.toString(), "--out", dir.resolve("straight").toString());
        assertEquals(withoutSeconds(Files.readString(dir.resolve("straight/results.csv"))),
                withoutSeconds(Files.readString(out.resolve("results.csv"))));
        assertEquals(0, straight.exitCode(), straight.err());
    }

    /** results.csv without its last two columns, the wall-clock seconds. */
    private static String withoutSeconds(String csv) {
        StringBuilder sb = new StringBuilder();
        for (String line : csv.lines().toList()) {
            String[] cells = line.split(",", -1);
            sb.append(String.join(",", List.of(cells).subList(0, cells.length - 2))).append('\n');
        }
        return sb.toString();
    }
}
