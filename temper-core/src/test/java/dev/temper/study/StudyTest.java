package dev.temper.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyTest {

    /** Every figure but the clock. */
    private static void assertSameFigures(RunResult a, RunResult b) {
        assertEquals(a.key(), b.key());
        for (Quantity q : Quantity.values()) {
            if (q.reproducible()) {
                assertEquals(a.value(q), b.value(q), a.key() + " " + q.key());
            }
        }
        assertEquals(a.history().size(), b.history().size());
        for (int i = 0; i < a.history().size(); i++) {
            EpochFigures x = a.history().get(i);
            EpochFigures y = b.history().get(i);
            assertEquals(x.withSeconds(0), y.withSeconds(0), a.key() + " epoch " + (i + 1));
        }
        assertEquals(a.weights(), b.weights());
    }

    @Test
    void sameConfigurationAndSeedsGiveTheSameResults(@TempDir Path dir) {
        StudyResult first = TinyStudy.study(4, 2).run(dir.resolve("a"));
        StudyResult second = TinyStudy.study(4, 2).run(dir.resolve("b"));
        assertTrue(first.complete() && second.complete());
        assertEquals(12, first.runs().size());
        for (int i = 0; i < first.runs().size(); i++) {
            assertSameFigures(first.runs().get(i), second.runs().get(i));
        }
        // and the seeds matter: two seeds of one regime differ
        assertNotEquals(first.runsOf("baseline").get(0).value(Quantity.FINAL_TRAIN_LOSS),
                first.runsOf("baseline").get(1).value(Quantity.FINAL_TRAIN_LOSS));
    }

    @Test
    void filesHoldExactlyTheFiguresOfTheRun(@TempDir Path dir) {
        StudyResult result = TinyStudy.study(3, 1).run(dir);
        for (RunResult r : result.runs()) {
            RunResult read = RunFiles.read(dir, r.key());
            assertEquals(r, read, "round trip of " + r.key());
        }
    }

    @Test
    void finalFiguresAreThoseOfTheLastEpochOrOfTheRestoredBestOne(@TempDir Path dir) {
        StudyResult result = TinyStudy.study(8, 1).run(dir);
        for (RunResult r : result.runs()) {
            EpochFigures row = r.key().regime().equals("early_stopping") ? r.best() : r.history().get(r.history().size() - 1);
            assertEquals(Figures.of(row), r.last(), r.key().toString());
        }
        RunResult stopped = result.runsOf("early_stopping").get(0);
        assertTrue(stopped.history().size() < 8, "patience 1 stops this overfitting run early: " + stopped.history().size());
        assertFalse(stopped.stopReason().isEmpty());
        // the best epoch is the lowest validation loss, the first of equals
        for (RunResult r : result.runs()) {
            for (EpochFigures e : r.history()) {
                assertTrue(e.validationLoss() >= r.best().validationLoss());
                if (e.epoch() < r.bestEpoch()) {
                    assertTrue(e.validationLoss() > r.best().validationLoss());
                }
            }
        }
    }

    @Test
    void proximalL1LeavesExactZerosAndL2ShrinksTheWeights(@TempDir Path dir) {
        StudyResult result = TinyStudy.study(6, 1).run(dir);
        assertEquals(0.0, result.summary("baseline").mean(Quantity.WEIGHT_ZERO_FRACTION));
        assertTrue(result.summary("l1").mean(Quantity.WEIGHT_ZERO_FRACTION) > 0.05,
                "zeros under l1: " + result.summary("l1").mean(Quantity.WEIGHT_ZERO_FRACTION));
        assertTrue(result.summary("l1").mean(Quantity.WEIGHT_L2_NORM) < result.summary("baseline").mean(Quantity.WEIGHT_L2_NORM));
    }

    @Test
    void aSecondRunReadsFinishedRunsAndMoreSeedsTrainOnlyTheNewOnes(@TempDir Path dir) {
        StudyResult first = TinyStudy.study(3, 1).run(dir);
        List<RunKey> trained = new ArrayList<>();
        StudyListener counting = new StudyListener() {
            @Override
            public void onRunStart(RunKey key, int index, int total) {
                trained.add(key);
            }
        };
        StudyResult again = TinyStudy.study(3, 1).run(dir, counting, new StopSignal());
        assertEquals(List.of(), trained);
        assertEquals(first.runs(), again.runs());
        StudyResult more = TinyStudy.study(3, 2).run(dir, counting, new StopSignal());
        assertEquals(6, trained.size());
        assertTrue(trained.stream().allMatch(k -> k.seed() == 2), trained.toString());
        assertEquals(12, more.runs().size());
    }

    @Test
    void aStopAbandonsTheRunInProgressKeepsFinishedOnesAndTheStudyResumes(@TempDir Path dir) throws IOException {
        StopSignal stop = new StopSignal();
        StudyListener stopDuringThirdRun = new StudyListener() {
            @Override
            public void onEpochEnd(RunKey key, EpochFigures epoch, int epochs) {
                if (key.regime().equals("l2") && epoch.epoch() == 2) {
                    stop.request();
                }
            }
        };
        StudyResult partial = TinyStudy.study(4, 1).run(dir, stopDuringThirdRun, stop);
        assertFalse(partial.complete());
        assertEquals(List.of("baseline", "l1"), partial.runs().stream().map(r -> r.key().regime()).toList());
        assertFalse(Files.exists(RunFiles.directory(dir, new RunKey("l2", 1))));
        try (Stream<Path> files = Files.walk(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary directory left");
        }
        StudyResult read = TinyStudy.study(4, 1).read(dir); // reading trains nothing
        assertEquals(partial.runs(), read.runs());
        assertFalse(read.complete());
        StudyResult resumed = TinyStudy.study(4, 1).run(dir);
        assertTrue(resumed.complete());
        StudyResult straight = TinyStudy.study(4, 1).run(dir.resolve("straight"));
        for (int i = 0; i < straight.runs().size(); i++) {
            assertSameFigures(straight.runs().get(i), resumed.runs().get(i));
        }
    }

    @Test
    void aRunTrainedUnderAnotherConfigurationIsNotReused(@TempDir Path dir) {
        TinyStudy.study(2, 1).run(dir);
        StudyFileException e = assertThrows(StudyFileException.class, () -> TinyStudy.study(3, 1).run(dir));
        assertTrue(e.getMessage().contains("runs/baseline/seed-1") && e.getMessage().contains("another configuration")
                && e.getMessage().contains("3 epochs"), e.getMessage());
    }

    @Test
    void aBrokenRunDirectoryIsNamed(@TempDir Path dir) throws IOException {
        TinyStudy.study(2, 1).run(dir);
        Path metrics = RunFiles.directory(dir, new RunKey("l2", 1)).resolve("metrics.json");
        Files.writeString(metrics, Files.readString(metrics).replace("\"best_epoch\"", "\"best_epoch\" 3,"));
        StudyFileException e = assertThrows(StudyFileException.class, () -> TinyStudy.study(2, 1).run(dir));
        assertTrue(e.getMessage().contains("l2/seed-1/metrics.json") && e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void badStudiesAreRefusedWithTheirReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Study.of(TinyStudy.data(),
                TinyStudy.base(1), "b", List.of(Regime.baseline(), Regime.baseline()), Study.seeds(1)));
        assertTrue(e.getMessage().contains("two regimes are named 'baseline'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TinyStudy.study(1, 1).withBestEpochBy("val_auc"));
        assertTrue(e.getMessage().contains("'val_auc' is not one of"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Regime.changingSetup("L2 strong", "x", s -> s));
        assertTrue(e.getMessage().contains("'L2 strong'"), e.getMessage());
    }
}
