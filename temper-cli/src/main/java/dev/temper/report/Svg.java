package dev.temper.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One SVG drawing, as the complete document text.
 *
 * @param markup a standalone SVG document
 * @param width its width in CSS pixels
 * @param height its height in CSS pixels
 */
public record Svg(String markup, int width, int height) {
    public Svg {
        if (markup == null || !markup.contains("<svg")) {
            throw new IllegalArgumentException("Svg: markup must be an SVG document");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Svg: width and height must be >= 1, got " + width + "x" + height);
        }
    }

    /** Renders an XChart chart to SVG (no display needed: AWT runs headless). */
    public static Svg of(Chart<?, ?> chart) {
        System.setProperty("java.awt.headless", "true");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart '" + chart.getTitle() + "' to SVG", e);
        }
        return new Svg(bytes.toString(StandardCharsets.UTF_8), chart.getWidth(), chart.getHeight());
    }

    /** The drawing as a {@code data:} URI for an {@code <img>}: its own document, so its ids stay its own. */
    public String dataUri() {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(markup.getBytes(StandardCharsets.UTF_8));
    }
}
