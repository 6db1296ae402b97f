package dev.temper.report;

import dev.temper.io.AtomicWrite;
import java.nio.file.Path;
import java.util.List;

/**
 * A self-contained HTML page built top to bottom: headings, paragraphs, tables, charts and preformatted text. No
 * scripts, no external stylesheets or fonts, so it opens anywhere with no network; charts are inline SVG images.
 * Every piece of text is escaped: names taken from a run file cannot inject markup.
 */
public final class HtmlPage {
    private static final String STYLE = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:1180px;color:#222;padding:0 1em}",
            "h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.8em;border-bottom:1px solid #ddd}",
            "p.lead{color:#555;margin-top:0}",
            "table{border-collapse:collapse;font-size:.86em;margin:.6em 0}",
            "th,td{border:1px solid #ddd;padding:.3em .55em;text-align:right;white-space:nowrap}",
            "th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}",
            ".figures{display:flex;flex-wrap:wrap;gap:.8em}figure{margin:0}figcaption{font-size:.85em;color:#555;max-width:560px}",
            "pre{background:#f6f6f6;padding:.8em;overflow-x:auto;font-size:.85em}",
            ".scroll{overflow-x:auto}");

    private final String title;
    private final StringBuilder body = new StringBuilder();
    private boolean inFigures;

    public HtmlPage(String title, String lead) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("HtmlPage: title must not be blank");
        }
        this.title = title;
        body.append("<h1>").append(escape(title)).append("</h1>\n");
        if (lead != null && !lead.isBlank()) {
            body.append("<p class=\"lead\">").append(escape(lead)).append("</p>\n");
        }
    }

    /** Escapes the five characters that are markup in HTML text and attributes. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A section heading; {@code id} (letters, digits, dashes) makes it linkable. */
    public HtmlPage heading(String text, String id) {
        endFigures();
        if (id != null && !id.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("HtmlPage: heading id must be letters, digits and dashes, got '" + id + "'");
        }
        body.append("<h2").append(id == null ? "" : " id=\"" + id + "\"").append('>').append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlPage paragraph(String text) {
        endFigures();
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A table; every row must have as many cells as the header. */
    public HtmlPage table(List<String> header, List<List<String>> rows) {
        endFigures();
        body.append("<div class=\"scroll\"><table>\n<tr>");
        for (String h : header) {
            body.append("<th>").append(escape(h)).append("</th>");
        }
        body.append("</tr>\n");
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("HtmlPage: table row " + r + " has " + row.size()
                        + " cells, the header " + header.size());
            }
            body.append("<tr>");
            for (String cell : row) {
                body.append("<td>").append(escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table></div>\n");
        return this;
    }

    /** A chart with a caption; consecutive figures flow side by side. */
    public HtmlPage figure(Svg chart, String caption) {
        if (!inFigures) {
            body.append("<div class=\"figures\">\n");
            inFigures = true;
        }
        body.append("<figure><img alt=\"").append(escape(caption == null ? "chart" : caption))
                .append("\" width=\"").append(chart.width()).append("\" height=\"").append(chart.height())
                .append("\" src=\"").append(chart.dataUri()).append("\">");
        if (caption != null && !caption.isBlank()) {
            body.append("<figcaption>").append(escape(caption)).append("</figcaption>");
        }
        body.append("</figure>\n");
        return this;
    }

    /** Text shown as it is, in a monospaced block (a run file, a command line). */
    public HtmlPage preformatted(String text) {
        endFigures();
        body.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    private void endFigures() {
        if (inFigures) {
            body.append("</div>\n");
            inFigures = false;
        }
    }

    /** The whole document. */
    public String render() {
        endFigures();
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n" + STYLE + "\n</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    /** Writes the page atomically: a reader sees the old report or the new one, never half of one. */
    public void write(Path file) {
        AtomicWrite.writeString(file, render());
    }
}
