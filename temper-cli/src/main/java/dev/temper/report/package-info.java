/**
 * Self-contained HTML reports: pages with tables and charts that open with no network.
 *
 * <p>Charts are drawn by XChart and rendered to SVG by VectorGraphics2D (never by hand); each chart is inlined as
 * a {@code data:} image, so ids inside one SVG cannot collide with another's and the page stays one file. The
 * package knows nothing of training: commands (study, tune) turn their results into {@link
 * dev.temper.report.Curve}s, tables and values and hand them here. Files are written atomically.
 */
package dev.temper.report;
