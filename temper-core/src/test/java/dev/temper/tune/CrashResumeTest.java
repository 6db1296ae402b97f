package dev.temper.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.io.StrictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL a study in a child JVM mid-way, resume it, and check that nothing finished is lost or repeated. */
class CrashResumeTest {

    @Test
    void aKilledStudyResumesKeepingEveryFinishedTrialAndRepeatingNone(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashableStudy.class.getName(),
                journal.toString(), "300").redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (finishes(journal).size() < 3 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
        child.waitFor(30, TimeUnit.SECONDS);
        Map<Integer, Double> before = finishes(journal);
        assertTrue(before.size() >= 3 && before.size() < CrashableStudy.TRIALS,
                "killed with " + before.size() + " of " + CrashableStudy.TRIALS + " trials finished; child log: "
                        + Files.readString(dir.resolve("child.log")));

        StudyResult resumed = CrashableStudy.study(journal, 0).run();
        assertEquals(before.size(), resumed.resumedJobs());
        List<Trial> trials = resumed.history().trials();
        assertEquals(CrashableStudy.TRIALS, trials.size(), "the final leaderboard is complete");
        for (Trial t : trials) {
            assertEquals(TrialState.COMPLETE, t.state());
            if (before.containsKey(t.number())) {
                assertEquals(before.get(t.number()), t.value(), "trial " + t.number() + " kept as it was");
                assertEquals(1, t.epochs(), "trial " + t.number() + " was not run again");
            }
        }
        // one finish line per trial in the whole journal: nothing finished twice
        Map<Integer, Integer> count = new HashMap<>();
        for (String line : Files.readAllLines(journal)) {
            if (line.contains("\"event\":\"finish\"")) {
                count.merge(trialOf(line), 1, Integer::sum);
            }
        }
        assertEquals(CrashableStudy.TRIALS, count.size());
        assertTrue(count.values().stream().allMatch(c -> c == 1), count.toString());
        // and the same results as a study that never crashed
        StudyResult clean = CrashableStudy.study(dir.resolve("clean.jsonl"), 0).run();
        for (Trial t : clean.history().trials()) {
            assertEquals(t.value(), resumed.history().trial(t.number()).value());
        }
    }

    private static Map<Integer, Double> finishes(Path journal) throws Exception {
        Map<Integer, Double> out = new HashMap<>();
        if (!Files.exists(journal)) {
            return out;
        }
        for (String line : Files.readAllLines(journal)) {
            if (line.contains("\"event\":\"finish\"") && line.endsWith("}")) {
                Map<?, ?> o = (Map<?, ?>) StrictJson.parse(line, "journal line");
                out.put(((Long) o.get("trial")).intValue(), Double.parseDouble((String) o.get("value")));
            }
        }
        return out;
    }

    private static int trialOf(String line) {
        int t = line.indexOf("\"trial\":") + 8;
        return Integer.parseInt(line.substring(t, line.indexOf(',', t)));
    }
}
