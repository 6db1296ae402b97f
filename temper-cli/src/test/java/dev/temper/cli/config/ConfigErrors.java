package dev.temper.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

/** Parses text that must fail and checks the one-line message: file, line, then the problem. */
final class ConfigErrors {
    static final String FILE = "run.yaml";
    static final Path BASE = Path.of("/runs");

    private ConfigErrors() {}

    static TrainConfig parse(String yaml) {
        return TrainConfigParser.parse(yaml, FILE, BASE);
    }

    /** Asserts the error is reported at {@code line} and its message holds every fragment. */
    static String assertError(String yaml, int line, String... fragments) {
        ConfigException error = assertThrows(ConfigException.class, () -> parse(yaml));
        String message = error.getMessage();
        assertTrue(message.startsWith(FILE + " line " + line + ": "), "wrong file or line: " + message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "missing '" + fragment + "' in: " + message);
        }
        assertFalse(message.contains("\n"), "message must be one line: " + message);
        return message;
    }

    /** Asserts the exact message after the "run.yaml line N: " prefix. */
    static void assertMessage(String yaml, int line, String problem) {
        ConfigException error = assertThrows(ConfigException.class, () -> parse(yaml));
        assertEquals(FILE + " line " + line + ": " + problem, error.getMessage());
    }
}
