package dev.temper.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's chart kinds, drawn by XChart in one house style: the same series index gets the same colour in
 * every chart of a page, so a regime (or a strategy) is one colour throughout the report.
 */
public final class Charts {
    /** Ten colours that stay distinct for most readers (the Tableau 10 palette's hues). */
    private static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC),
    };
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private Charts() {}

    /** The colour of series {@code index} (cycling after ten). */
    public static Color color(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /**
     * A line chart; each curve's band (if any) is drawn as a translucent area behind its line. Curve {@code i}
     * takes colour {@code colorIndex[i]}, so a training and a validation curve of one regime can share a colour.
     */
    public static Svg lines(String title, String xLabel, String yLabel, List<Curve> curves, int[] colorIndex,
                            boolean logY, int width, int height) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("Charts.lines '" + title + "': no curves to draw");
        }
        if (colorIndex.length != curves.size()) {
            throw new IllegalArgumentException("Charts.lines '" + title + "': " + curves.size() + " curves but "
                    + colorIndex.length + " colour indices");
        }
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        style(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(logY);
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            int n = c.definedLength();
            if (n == 0) {
                continue;
            }
            Color color = color(colorIndex[i]);
            if (c.lower() != null && n > 1) {
                double[] px = new double[2 * n];
                double[] py = new double[2 * n];
                for (int j = 0; j < n; j++) {
                    px[j] = c.x()[j];
                    py[j] = positive(c.upper()[j], logY);
                    px[2 * n - 1 - j] = c.x()[j];
                    py[2 * n - 1 - j] = positive(c.lower()[j], logY);
                }
                XYSeries band = chart.addSeries(c.name() + " (band)", px, py);
                band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
                band.setMarker(SeriesMarkers.NONE);
                band.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 50));
                band.setLineColor(new Color(0, 0, 0, 0));
                band.setShowInLegend(false);
            }
            double[] y = new double[n];
            for (int j = 0; j < n; j++) {
                y[j] = positive(c.y()[j], logY);
            }
            XYSeries line = chart.addSeries(c.name(), java.util.Arrays.copyOf(c.x(), n), y);
            line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            line.setMarker(n == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            line.setLineColor(color);
            line.setMarkerColor(color);
            line.setLineStyle(c.dashed()
                    ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 4f}, 0f)
                    : new BasicStroke(1.8f));
        }
        return Svg.of(chart);
    }

    /** Log axes cannot show zero or negative values: clamp them to a tiny positive number. */
    private static double positive(double v, boolean logY) {
        return logY && !(v > 0) ? 1e-12 : v;
    }

    /**
     * A bar chart with one group per category and one bar per series in it, with error bars when
     * {@code errors} is given (one list per series, same length as the categories).
     */
    public static Svg bars(String title, String yLabel, List<String> categories, List<String> seriesNames,
                           List<double[]> values, List<double[]> errors, int width, int height) {
        if (seriesNames.size() != values.size() || (errors != null && errors.size() != values.size())) {
            throw new IllegalArgumentException("Charts.bars '" + title + "': " + seriesNames.size()
                    + " series names for " + values.size() + " value lists");
        }
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .yAxisTitle(yLabel).build();
        style(chart.getStyler());
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setLegendVisible(seriesNames.size() > 1);
        chart.getStyler().setXAxisLabelRotation(categories.size() > 6 ? 30 : 0);
        for (int s = 0; s < values.size(); s++) {
            double[] v = values.get(s);
            if (v.length != categories.size()) {
                throw new IllegalArgumentException("Charts.bars '" + title + "': series '" + seriesNames.get(s)
                        + "' has " + v.length + " values for " + categories.size() + " categories");
            }
            List<Double> ys = boxed(v);
            CategorySeries series = errors == null
                    ? chart.addSeries(seriesNames.get(s), categories, ys)
                    : chart.addSeries(seriesNames.get(s), categories, ys, boxed(errors.get(s)));
            series.setFillColor(color(s));
        }
        return Svg.of(chart);
    }

    /**
     * A histogram as a filled step outline over {@code bins} equal bins between {@code min} and {@code max}
     * (values outside are counted in the end bins). The y axis may be logarithmic, so a spike at zero (L1) and
     * the tails both show.
     */
    public static Svg histogram(String title, String xLabel, double[] values, int bins, double min, double max,
                                int colorIndex, boolean logY, int width, int height) {
        if (bins < 1 || !(max > min)) {
            throw new IllegalArgumentException("Charts.histogram '" + title + "': need bins >= 1 and max > min, got "
                    + bins + " bins over [" + min + ", " + max + "]");
        }
        double[] counts = new double[bins];
        double w = (max - min) / bins;
        for (double v : values) {
            int b = (int) Math.floor((v - min) / w);
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        double floor = logY ? 0.5 : 0;
        x[0] = min;
        y[0] = floor;
        for (int b = 0; b < bins; b++) {
            double c = Math.max(counts[b], floor);
            x[2 * b + 1] = min + b * w;
            y[2 * b + 1] = c;
            x[2 * b + 2] = min + (b + 1) * w;
            y[2 * b + 2] = c;
        }
        x[2 * bins + 1] = max;
        y[2 * bins + 1] = floor;
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(logY ? "count (log)" : "count").build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisLogarithmic(logY);
        Color color = color(colorIndex);
        XYSeries s = chart.addSeries(title, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 160));
        s.setLineColor(color);
        return Svg.of(chart);
    }

    /** Points, one series per group (e.g. finished and failed trials), optionally on a log x axis. */
    public static Svg scatter(String title, String xLabel, String yLabel, List<String> groups, List<double[]> xs,
                              List<double[]> ys, boolean logX, int width, int height) {
        if (groups.size() != xs.size() || xs.size() != ys.size()) {
            throw new IllegalArgumentException("Charts.scatter '" + title + "': groups, xs and ys differ in count");
        }
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setLegendVisible(groups.size() > 1);
        for (int g = 0; g < groups.size(); g++) {
            if (xs.get(g).length != ys.get(g).length) {
                throw new IllegalArgumentException("Charts.scatter '" + title + "': group '" + groups.get(g)
                        + "' has " + xs.get(g).length + " x values and " + ys.get(g).length + " y values");
            }
            if (xs.get(g).length == 0) {
                continue;
            }
            XYSeries s = chart.addSeries(groups.get(g), xs.get(g), ys.get(g));
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(color(g));
        }
        return Svg.of(chart);
    }

    private static void style(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridLinesColor(new Color(0xE5E5E5));
        styler.setChartTitleFont(TITLE);
        styler.setAxisTitleFont(TEXT);
        styler.setAxisTickLabelsFont(TEXT);
        styler.setLegendFont(TEXT);
        styler.setLegendPosition(LegendPosition.OutsideE);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        styler.setMarkerSize(6);
        styler.setAntiAlias(true);
    }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double d : v) {
            out.add(d);
        }
        return out;
    }
}
