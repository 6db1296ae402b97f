package dev.temper.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.io.StrictJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private final SearchSpace space = SearchSpace.of(
            FloatRange.logUniform("learning_rate", 1e-5, 1),
            IntegerRange.uniform("width", 1, 4096),
            Categorical.of("choice", "relu", 0.35, 64, true, "64.5"),
            Categorical.of("optimizer", "adam", "sgd"),
            FloatRange.uniform("momentum", 0, 0.99).when("optimizer", "sgd"));
    private final Journal.Header header = new Journal.Header("random trials=3", Direction.MINIMIZE, Long.MAX_VALUE, space.describe());

    @Test
    void everyEventReadsBackToTheSameBits(@TempDir Path dir) {
        Path file = dir.resolve("journal.jsonl");
        List<StudyEvent> events = List.of(
                started(0, Map.of("learning_rate", 0.1 + 0.2, "width", 4096, "choice", 0.35, "optimizer", "sgd", "momentum", 0.9), Long.MIN_VALUE),
                new StudyEvent.Reported(0, 1, Math.PI),
                new StudyEvent.Finished(0, 1, TrialState.COMPLETE, Math.PI, "", 1.0 / 3, 1),
                started(1, Map.of("learning_rate", 1e-5, "width", 1, "choice", 64, "optimizer", "adam"), -1),
                new StudyEvent.Finished(1, 1, TrialState.FAILED, Double.NaN, "diverged: \"NaN\"\n in epoch 1", 0.5, 1),
                started(2, Map.of("learning_rate", 1.0, "width", 7, "choice", true, "optimizer", "adam"), 3),
                started(3, Map.of("learning_rate", 1.0, "width", 7, "choice", "64.5", "optimizer", "adam"), 4));
        try (Journal j = Journal.create(file, header)) {
            events.forEach(j::append);
        }
        Journal.Opened opened = Journal.open(file, header, space);
        opened.journal().close();
        assertEquals(events, opened.events());
        assertEquals(false, opened.droppedTornLine());
        Object choice = ((StudyEvent.Started) opened.events().get(3)).configuration().get("choice");
        assertEquals(Long.valueOf(64), choice, "a whole-number choice keeps its type");
    }

    @Test
    void linesAreStrictJsonWithFractionsAsExactStrings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (Journal j = Journal.create(file, header)) {
            j.append(new StudyEvent.Finished(5, 3, TrialState.PRUNED, 0.1 + 0.2, "median rule", 2.5, 3));
        }
        List<String> lines = Files.readAllLines(file);
        Map<?, ?> head = (Map<?, ?>) StrictJson.parse(lines.get(0), "header");
        assertEquals(Long.toString(Long.MAX_VALUE), head.get("seed"));
        assertEquals(Long.valueOf(JournalCodec.VERSION), head.get("version"));
        Map<?, ?> finish = (Map<?, ?>) StrictJson.parse(lines.get(1), "line");
        assertEquals("0.30000000000000004", finish.get("value"));
        assertEquals(Long.valueOf(5), finish.get("trial"));
    }

    @Test
    void badLinesAndOtherVersionsAreErrorsNamingTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (Journal j = Journal.create(file, header)) {
            j.append(new StudyEvent.Reported(0, 1, 0.5));
            j.append(new StudyEvent.Reported(0, 2, 0.25));
        }
        List<String> lines = Files.readAllLines(file);
        // a fraction written as a JSON number is not this format: an error, never read loosely
        Files.writeString(file, lines.get(0) + "\n" + lines.get(1).replace("\"0.5\"", "0.5") + "\n" + lines.get(2) + "\n");
        JournalException e = assertThrows(JournalException.class, () -> Journal.open(file, header, space));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains(file.toString()), e.getMessage());
        // a value in another spelling than the writer's is refused too
        Files.writeString(file, lines.get(0) + "\n" + lines.get(1).replace("\"0.5\"", "\"5e-1\"") + "\n" + lines.get(2) + "\n");
        e = assertThrows(JournalException.class, () -> Journal.open(file, header, space));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("'value'"), e.getMessage());
        // a journal of the first format (JSON numbers) is refused by its version, with what to do
        String old = "{\"event\":\"study\",\"version\":1,\"strategy\":\"random trials=3\",\"direction\":\"minimize\",\"seed\":42,\"space\":\"x\"}\n"
                + "{\"event\":\"report\",\"trial\":0,\"step\":1,\"value\":0.5}\n";
        Files.writeString(file, old, StandardCharsets.UTF_8);
        e = assertThrows(JournalException.class, () -> Journal.open(file, header, space));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("version 1"), e.getMessage());
    }

    private StudyEvent.Started started(int trial, Map<String, Object> values, long seed) {
        return new StudyEvent.Started(trial, 1, space.validate(values), seed);
    }
}
