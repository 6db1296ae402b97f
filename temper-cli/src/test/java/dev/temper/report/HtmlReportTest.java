package dev.temper.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static final double[] EPOCHS = {1, 2, 3, 4};

    @Test
    void everyChartKindRendersAnSvgThatNamesItsSeries() {
        Svg lines = Charts.lines("loss", "epoch", "loss",
                List.of(Curve.withBand("baseline", EPOCHS, new double[] {1, .5, .3, .2}, new double[] {.1, .1, .05, .02}),
                        Curve.line("dropout", EPOCHS, new double[] {1, .6, Double.NaN, Double.NaN}).asDashed()),
                new int[] {0, 1}, false, 500, 300);
        assertDrawsInColours(lines, 0, 1);
        Svg bars = Charts.bars("gap", "points", List.of("baseline", "l2"), List.of("gap"),
                List.of(new double[] {4.5, 2.0}), List.of(new double[] {0.3, 0.2}), 500, 300);
        assertDrawsInColours(bars, 0);
        Svg hist = Charts.histogram("l1 weights", "weight", new double[] {0, 0, 0, 0.1, -0.2, 0.05}, 20, -0.3, 0.3,
                2, true, 300, 200);
        assertDrawsInColours(hist, 2);
        Svg scatter = Charts.scatter("trials", "learning rate", "accuracy", List.of("finished", "failed"),
                List.of(new double[] {1e-4, 1e-3}, new double[] {1e-1}), List.of(new double[] {.9, .95}, new double[] {0}),
                true, 400, 300);
        assertDrawsInColours(scatter, 0, 1);
    }

    /** XChart draws text as glyph outlines, so what can be checked is that each series' colour is painted. */
    private static void assertDrawsInColours(Svg svg, int... series) {
        assertTrue(svg.markup().contains("<svg") && svg.markup().contains("<path"), "an SVG document with paths");
        for (int s : series) {
            java.awt.Color c = Charts.color(s);
            String rgb = "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
            assertTrue(svg.markup().contains(rgb), "series " + s + " is painted in " + rgb);
        }
    }

    @Test
    void pageIsOneFileWithEscapedTextAndDecodableCharts(@TempDir Path dir) throws Exception {
        Svg chart = Charts.lines("curve", "x", "y", List.of(Curve.line("a<b", EPOCHS, EPOCHS)), new int[] {0},
                false, 300, 200);
        HtmlPage page = new HtmlPage("Study <1>", "lead & more")
                .heading("Table", "table")
                .table(List.of("regime", "acc"), List.of(List.of("<script>", "0.95")))
                .figure(chart, "a chart")
                .preformatted("seed: 42");
        Path file = dir.resolve("report.html");
        page.write(file);
        String html = Files.readString(file);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("Study &lt;1&gt;") && html.contains("lead &amp; more"));
        assertTrue(html.contains("&lt;script&gt;"));
        assertFalse(html.contains("<script"), "no scripts, and none injected by names");
        assertFalse(html.contains("http://") && html.contains("src=\"http"), "nothing fetched from a network");
        Matcher m = Pattern.compile("src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        assertTrue(m.find(), "the chart is inlined as a data URI");
        String svg = new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
        assertEquals(chart.markup(), svg);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left beside the report");
        }
    }

    @Test
    void badInputsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HtmlPage("t", null).table(List.of("a", "b"), List.of(List.of("1"))));
        assertTrue(e.getMessage().contains("row 0 has 1 cells"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Curve.line("c", new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("same length"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Charts.histogram("h", "x", new double[] {1}, 10, 1, 1, 0, false, 100, 100));
        assertTrue(e.getMessage().contains("max > min"), e.getMessage());
    }
}
