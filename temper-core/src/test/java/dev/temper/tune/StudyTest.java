package dev.temper.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyTest {
    private final SearchSpace space = SearchSpace.of(FloatRange.uniform("x", -1, 1));

    @Test
    void aNanTrialIsMarkedFailedWithItsReasonAndTheStudyFinishes() {
        Objective nanForPositiveX = Objective.of(c -> c.doubleValue("x") > 0.5 ? Double.NaN : c.doubleValue("x") * c.doubleValue("x"));
        StudyResult r = Study.builder(space, new RandomSearch(space, 30, 1), nanForPositiveX).seed(3).parallel(2).build().run();
        List<Trial> trials = r.history().trials();
        assertEquals(30, trials.size());
        long failed = trials.stream().filter(t -> t.state() == TrialState.FAILED).count();
        assertTrue(failed > 0 && failed < 30, failed + " failed");
        for (Trial t : trials) {
            boolean shouldFail = t.configuration().doubleValue("x") > 0.5;
            assertEquals(shouldFail ? TrialState.FAILED : TrialState.COMPLETE, t.state());
            if (shouldFail) {
                assertTrue(t.reason().contains("diverged") && t.reason().contains("NaN"), t.reason());
            }
        }
        assertTrue(r.best().configuration().doubleValue("x") <= 0.5);
    }

    @Test
    void aTrialThatThrowsIsFailedWithTheMessage() {
        Objective throwing = (c, seed) -> {
            if (c.doubleValue("x") < 0) {
                throw new IllegalStateException("out of memory for x=" + c.doubleValue("x"));
            }
            return Objective.of(cc -> 1.0).start(c, seed);
        };
        StudyResult r = Study.builder(space, new RandomSearch(space, 10, 1), throwing).seed(4).build().run();
        for (Trial t : r.history().trials()) {
            if (t.configuration().doubleValue("x") < 0) {
                assertEquals(TrialState.FAILED, t.state());
                assertTrue(t.reason().startsWith("IllegalStateException: out of memory"), t.reason());
            }
        }
    }

    @Test
    void trialSeedsDependOnTheStudySeedAndNumberOnly() {
        StudyResult a = Study.builder(space, new RandomSearch(space, 8, 1), Objective.of(c -> c.doubleValue("x"))).seed(9).build().run();
        StudyResult b = Study.builder(space, new RandomSearch(space, 8, 1), Objective.of(c -> c.doubleValue("x"))).seed(9).parallel(3).build().run();
        for (int i = 0; i < 8; i++) {
            assertEquals(a.history().trial(i).seed(), b.history().trial(i).seed());
            assertEquals(Seeds.trialSeed(9, i), a.history().trial(i).seed());
            assertEquals(a.history().trial(i).configuration(), b.history().trial(i).configuration());
        }
    }

    /** Values after step k: 1/k for trials with x > 0, 10 + 1/k for the others, which the median rule must stop. */
    @Test
    void medianStoppingPrunesTrialsWorseThanTheMedian() {
        Objective curves = (c, seed) -> new TrialRun() {
            int step;

            @Override
            public double advance() {
                step++;
                return (c.doubleValue("x") > 0 ? 0 : 10) + 1.0 / step;
            }
        };
        StudyResult r = Study.builder(space, new GridSearch(space, 21, 5), curves)
                .pruner(new MedianStoppingPruner(5, 1)).build().run();
        int prunedBad = 0;
        for (Trial t : r.history().trials()) {
            if (t.state() == TrialState.PRUNED) {
                assertTrue(t.configuration().doubleValue("x") <= 0, "pruned a good trial " + t.configuration().describe());
                assertTrue(t.epochs() < 5 && t.reason().startsWith("median stopping"), t.reason());
                prunedBad++;
            }
        }
        // grid order runs x = -1 .. 1: the 11 bad trials come first and, all alike, none is worse than the median of
        // the others' running averages (a trial's best by step s is below its own running average), so none stops
        assertEquals(0, prunedBad);
        StudyResult reversed = Study.builder(space, new GridSearch(SearchSpace.of(FloatRange.uniform("x", -1, 1)), 21, 5),
                (c, seed) -> curves.start(new Configuration(java.util.Map.of("x", -c.doubleValue("x"))), seed))
                .pruner(new MedianStoppingPruner(5, 1)).build().run();
        long pruned = reversed.history().trials().stream().filter(t -> t.state() == TrialState.PRUNED).count();
        assertEquals(11, pruned, "the 11 bad trials (x' <= 0), run after the 10 good ones, are all stopped");
    }

    @Test
    void resumingAFinishedStudyRepeatsNothing(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal.jsonl");
        Objective f = Objective.of(c -> c.doubleValue("x") * c.doubleValue("x"));
        StudyResult first = Study.builder(space, new RandomSearch(space, 6, 1), f).seed(2).journal(journal).build().run();
        long linesBefore = Files.readAllLines(journal).size();
        StudyResult again = Study.builder(space, new RandomSearch(space, 6, 1), f).seed(2).journal(journal).resume(true).build().run();
        assertEquals(6, again.resumedJobs());
        assertEquals(0, again.steps());
        assertEquals(linesBefore, Files.readAllLines(journal).size());
        assertEquals(first.best().value(), again.best().value());
        JournalException e = assertThrows(JournalException.class,
                () -> Study.builder(space, new RandomSearch(space, 6, 1), f).seed(2).journal(journal).build().run());
        assertTrue(e.getMessage().contains("already there"), e.getMessage());
        e = assertThrows(JournalException.class,
                () -> Study.builder(space, new RandomSearch(space, 7, 1), f).seed(2).journal(journal).resume(true).build().run());
        assertTrue(e.getMessage().contains("another study") && e.getMessage().contains("trials=7"), e.getMessage());
    }

    @Test
    void aTornLastLineIsDroppedAndItsJobRunsAgain(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal.jsonl");
        Objective f = Objective.of(c -> c.doubleValue("x") * c.doubleValue("x"));
        StudyResult full = Study.builder(space, new RandomSearch(space, 5, 1), f).seed(8).journal(journal).build().run();
        List<String> lines = Files.readAllLines(journal);
        // cut the last line (trial 4's finish) in half, as a crash during its write would
        String last = lines.get(lines.size() - 1);
        String torn = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n" + last.substring(0, last.length() / 2);
        Files.writeString(journal, torn, StandardCharsets.UTF_8);
        StudyResult resumed = Study.builder(space, new RandomSearch(space, 5, 1), f).seed(8).journal(journal).resume(true).build().run();
        assertTrue(resumed.droppedTornLine());
        assertEquals(4, resumed.resumedJobs());
        assertEquals(1, resumed.steps(), "only the job whose finish was lost runs again");
        assertEquals(full.history().trial(4).value(), resumed.history().trial(4).value());
        // damage in the middle is an error naming the line, never silently skipped
        List<String> now = Files.readAllLines(journal);
        now.set(2, "{\"event\":\"finish\",");
        Files.write(journal, now);
        JournalException e = assertThrows(JournalException.class,
                () -> Study.builder(space, new RandomSearch(space, 5, 1), f).seed(8).journal(journal).resume(true).build().run());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertNotNull(e.getMessage());
    }
}
