package dev.temper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.temper.report.Charts;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser: scripts/screenshot-report.sh renders a study's report.html in headless Chromium,
 * checks that every chart image decodes and that the page logs nothing, and takes a screenshot, in which every
 * regime's colour must then be painted (an empty plot area would leave its colour out).
 *
 * <p>Without Chromium the test is skipped, unless {@code TEMPER_REQUIRE_BROWSER=1} (set by {@code .ci/run}, which
 * installs Chromium) makes a missing browser a failure.
 */
class ReportScreenshotTest {
    private static boolean chromiumPresent() throws Exception {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + name).redirectErrorStream(true).start();
            if (p.waitFor() == 0) {
                return true;
            }
        }
        return System.getenv("CHROMIUM") != null;
    }

    @Test
    void theReportRendersInChromiumWithEveryChartDrawn(@TempDir Path dir) throws Exception {
        boolean required = "1".equals(System.getenv("TEMPER_REQUIRE_BROWSER"));
        if (!chromiumPresent()) {
            if (required) {
                fail("TEMPER_REQUIRE_BROWSER=1 but no Chromium is installed (apt-get install chromium)");
            }
            Assumptions.abort("no Chromium on this machine: the browser check is skipped (CI requires it)");
        }
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("study", StudyFixtures.write(dir, StudyFixtures.TINY).toString(), "--out",
                out.toString(), "--seeds", "1");
        assertEquals(0, r.exitCode(), r.err());
        Path shot = dir.resolve("report.png");
        Path script = ReadmeExampleTest.repositoryRoot().resolve("scripts/screenshot-report.sh");
        Process p = new ProcessBuilder("bash", script.toString(), out.resolve("report.html").toString(), shot.toString(),
                "1280x7000").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "Chromium did not finish: " + log);
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.matches("(?s).*: (\\d+)/\\1 chart images decoded, no console messages.*"), log);

        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(1280, image.getWidth());
        for (int regime = 0; regime < 4; regime++) {
            long painted = pixels(image, Charts.color(regime));
            assertTrue(painted > 500, "regime " + regime + "'s colour covers only " + painted + " pixels: " + log);
        }
    }

    /** Pixels within a small distance of {@code c} (anti-aliasing and translucent bands shift colours a little). */
    private static long pixels(BufferedImage image, Color c) throws IOException {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int dr = ((rgb >> 16) & 0xff) - c.getRed();
                int dg = ((rgb >> 8) & 0xff) - c.getGreen();
                int db = (rgb & 0xff) - c.getBlue();
                if (dr * dr + dg * dg + db * db < 12 * 12) {
                    n++;
                }
            }
        }
        return n;
    }
}
