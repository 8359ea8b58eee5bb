package org.bnnworkbench.experiments.report;

import java.util.List;

/**
 * A report as one self-contained HTML file: the CSS inline, every chart and diagram inline as SVG, no script, no
 * font, no image or other file loaded, so it opens offline and can be mailed as it is. The tables' CSV files are
 * linked (relative links to the folder beside the report) but not needed to read it. Every text that comes from
 * outside (design, run, sweep and parameter names, messages, citations) is escaped.
 */
public final class HtmlReport {

    static final int CHART_WIDTH = 900;
    static final int CHART_HEIGHT = 580;
    private static final String CSS = """
            body { font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
                   color: #222; margin: 0 auto; max-width: 1100px; padding: 1.5em; line-height: 1.45; }
            h1 { font-size: 1.7em; margin-bottom: 0.2em; }
            h2 { border-bottom: 2px solid #4e79a7; padding-bottom: 0.2em; margin-top: 2em; }
            h3 { margin-top: 1.6em; }
            .subtitle { color: #666; margin-top: 0; }
            nav ol { columns: 2; }
            table.data { border-collapse: collapse; margin: 0.8em 0 0.3em; font-size: 0.86em; }
            table.data caption { text-align: left; font-weight: 600; padding: 0.3em 0; }
            table.data th, table.data td { border: 1px solid #ccc; padding: 0.25em 0.5em; vertical-align: top; }
            table.data th { background: #eef3f8; text-align: left; }
            table.data tr:nth-child(even) td { background: #f8f8f8; }
            table.data td.num, table.data th.num { text-align: right; font-variant-numeric: tabular-nums; }
            .scroll { overflow-x: auto; }
            .csv { font-size: 0.8em; color: #666; margin: 0 0 1.2em; }
            pre { background: #f4f4f4; border: 1px solid #ddd; padding: 0.6em; overflow-x: auto; font-size: 0.85em;
                  white-space: pre-wrap; word-break: break-all; }
            figure { margin: 1em 0 1.5em; }
            figure svg { max-width: 100%; height: auto; border: 1px solid #e4e4e4; }
            figure.diagram svg { width: min(100%, 480px); }
            figcaption { font-size: 0.88em; color: #444; margin-top: 0.3em; }
            footer { margin-top: 3em; font-size: 0.8em; color: #777; }
            p.note { border-left: 4px solid #4e79a7; background: #eef3f8; padding: 0.5em 0.8em; font-weight: 600; }
            p.note.warning { border-left-color: #c0392b; background: #fdecea; color: #7b1d14; }
            """;

    /** What a block diagram shows; the PDF uses the same words. */
    static final String DIAGRAM_CAPTION = "Block diagram of %s: blocks in execution order with output shape (channels"
            + " x height x width), size and OPs; blue blocks hold binary convolutions; \"in:\" names the inputs of a"
            + " block that reads more than the block above it.";

    private HtmlReport() {
    }

    /** @param csvFolder the CSV folder's name relative to the report, for the links */
    public static String html(Report report, String csvFolder, ReportProgress progress) {
        var out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(escape(report.title())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(escape(report.title())).append("</h1>\n")
                .append("<p class=\"subtitle\">").append(escape(report.subtitle())).append("</p>\n<nav><ol>\n");
        for (ReportSection s : report.sections()) {
            out.append("<li><a href=\"#").append(escape(s.id())).append("\">").append(escape(s.title()))
                    .append("</a></li>\n");
        }
        out.append("</ol></nav>\n</header>\n");
        int parts = Math.max(1, report.sections().stream().mapToInt(s -> s.parts().size()).sum());
        int done = 0;
        for (ReportSection s : report.sections()) {
            out.append("<section id=\"").append(escape(s.id())).append("\">\n<h2>").append(escape(s.title()))
                    .append("</h2>\n");
            for (ReportPart p : s.parts()) {
                part(out, p, csvFolder);
                progress.update((double) ++done / parts, "writing " + s.title());
            }
            out.append("</section>\n");
        }
        out.append("<footer>CSV files of every table: ");
        List<Table> tables = report.tables();
        for (int i = 0; i < tables.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(csvLink(csvFolder, tables.get(i)));
        }
        out.append(".</footer>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void part(StringBuilder out, ReportPart part, String csvFolder) {
        if (part instanceof ReportPart.Heading h) {
            out.append("<h3>").append(escape(h.text())).append("</h3>\n");
        } else if (part instanceof ReportPart.Text t) {
            out.append("<p>").append(escape(t.text())).append("</p>\n");
        } else if (part instanceof ReportPart.Note n) {
            out.append(n.warning() ? "<p class=\"note warning\">" : "<p class=\"note\">").append(escape(n.text()))
                    .append("</p>\n");
        } else if (part instanceof ReportPart.Code c) {
            out.append("<pre><code>").append(escape(c.text())).append("</code></pre>\n");
        } else if (part instanceof ReportPart.Items list) {
            out.append("<ul>\n");
            list.items().forEach(i -> out.append("<li>").append(escape(i)).append("</li>\n"));
            out.append("</ul>\n");
        } else if (part instanceof ReportPart.TablePart t) {
            table(out, t.table(), csvFolder);
        } else if (part instanceof ReportPart.ChartPart c) {
            out.append("<figure id=\"chart-").append(escape(c.chart().id())).append("\">\n")
                    .append(Svg.chart(c.chart().chart(), CHART_WIDTH, CHART_HEIGHT))
                    .append("\n<figcaption>").append(escape(c.chart().caption())).append("</figcaption>\n</figure>\n");
        } else if (part instanceof ReportPart.DiagramPart d) {
            out.append("<figure class=\"diagram\">\n").append(Svg.diagram(NetworkDiagram.of(d.design())))
                    .append("\n<figcaption>").append(escape(DIAGRAM_CAPTION.formatted(d.design().name())))
                    .append("</figcaption>\n</figure>\n");
        }
    }

    private static void table(StringBuilder out, Table all, String csvFolder) {
        Table t = all.shown();
        out.append("<div class=\"scroll\"><table class=\"data\" id=\"table-").append(escape(t.id())).append("\">\n")
                .append("<caption>").append(escape(t.caption())).append("</caption>\n<thead><tr>");
        for (int i = 0; i < t.columns().size(); i++) {
            out.append(t.numeric().get(i) ? "<th class=\"num\">" : "<th>").append(escape(t.columns().get(i)))
                    .append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                out.append(t.numeric().get(i) ? "<td class=\"num\">" : "<td>").append(escape(row.get(i)))
                        .append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table></div>\n<p class=\"csv\">CSV: ").append(csvLink(csvFolder, t)).append("</p>\n");
    }

    private static String csvLink(String folder, Table t) {
        String href = folder + "/" + t.id() + ".csv";
        return "<a href=\"" + escape(href) + "\">" + escape(t.id()) + ".csv</a>";
    }

    /** Text as HTML shows it literally, in element content and in quoted attributes alike. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
