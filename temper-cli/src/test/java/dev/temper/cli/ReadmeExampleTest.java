package dev.temper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps README.md honest: its Java example compiles and runs, and its test command is what CI runs. */
class ReadmeExampleTest {
    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("README.md")) && Files.exists(p.resolve(".ci/run"))) {
                return p;
            }
        }
        throw new IllegalStateException("no README.md with .ci/run above " + Path.of("").toAbsolutePath());
    }

    private static List<String> normalized(String block) {
        return block.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void readmeJavaExamplesAreTheOnesThisTestRuns() throws IOException {
        String readme = Files.readString(repositoryRoot().resolve("README.md"));
        for (String[] example : new String[][] {{"library", "ReadmeExample"}, {"study", "ReadmeStudyExample"}}) {
            Matcher m = Pattern.compile("<!-- example: " + example[0] + "[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL)
                    .matcher(readme);
            assertTrue(m.find(), "README.md has no " + example[0] + " example block");
            String source = Files.readString(repositoryRoot().resolve("temper-cli/src/test/java/dev/temper/cli/"
                    + example[1] + ".java"));
            String body = source.substring(source.indexOf("// README:start") + "// README:start".length(),
                    source.indexOf("// README:end"));
            assertEquals(normalized(body), normalized(m.group(1)), example[0]);
        }
    }

    @Test
    void readmeStudyExampleRunsAStudy(@org.junit.jupiter.api.io.TempDir Path dir) {
        dev.temper.study.StudyResult result = ReadmeStudyExample.run(1, dir);
        assertTrue(result.complete());
        assertEquals(12, result.runs().size());
        assertEquals(List.of("baseline", "l2", "dropout", "early_stopping"),
                result.summaries().stream().map(dev.temper.study.RegimeSummary::regime).toList());
    }

    @Test
    void readmeExampleTrainsAModelThatBeatsChance() {
        double accuracy = ReadmeExample.run(2).accuracy();
        assertTrue(accuracy > 0.85, "test accuracy after 2 epochs: " + accuracy);
    }

    @Test
    void ciRunsTheReadmeTestCommand() throws IOException {
        Path root = repositoryRoot();
        List<String> readme = Files.readAllLines(root.resolve("README.md"));
        String testCommand = readme.stream().filter(l -> l.startsWith("mvn ")).findFirst().orElseThrow()
                .replaceAll("\\s+#.*$", "").strip();
        assertEquals("mvn -B verify", testCommand);
        assertTrue(Files.readAllLines(root.resolve(".ci/run")).stream()
                        .anyMatch(l -> l.replaceAll("\\s+#.*$", "").strip().equals(testCommand)),
                ".ci/run must run the README's test command: " + testCommand);
        String firstCommand = readme.stream().filter(l -> l.startsWith("./temper ")).findFirst().orElseThrow();
        assertTrue(firstCommand.startsWith("./temper study "), "README's first command is the study: " + firstCommand);
    }

    @Test
    void readmeYamlBlocksAreValidRunFiles(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        String readme = Files.readString(repositoryRoot().resolve("README.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("```yaml\n(.*?)```", java.util.regex.Pattern.DOTALL).matcher(readme);
        int blocks = 0;
        while (m.find()) {
            Path file = dir.resolve("readme-" + blocks++ + ".yaml");
            Files.writeString(file, m.group(1));
            if (m.group(1).matches("(?s)(.*\n)?study:.*")) {
                dev.temper.cli.config.StudyConfigParser.parse(file); // a study file: a run file plus its study section
            } else if (m.group(1).contains("\nsearch:")) {
                dev.temper.cli.config.TuneConfigParser.parse(file); // a tune file: a run file plus its search section
            } else {
                dev.temper.cli.config.TrainConfigParser.parse(file); // throws, naming the line, if the README drifted
            }
        }
        assertTrue(blocks > 0, "README.md has YAML run files to check");
    }
}
