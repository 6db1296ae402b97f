package dev.temper.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** examples/mlp-mnist.yaml documents the defaults, so it must parse to exactly them. */
class ExampleConfigTest {

    @Test
    void mlpMnistExampleSpellsOutTheDefaults() {
        assertEquals(TrainConfig.defaults(), TrainConfigParser.parse(example("mlp-mnist.yaml")));
    }

    /** Maven runs tests from the module's directory; the examples live at the repository root. */
    private static Path example(String name) {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("examples").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return fail("no examples/" + name + " in " + Path.of("").toAbsolutePath() + " or above");
    }
}
