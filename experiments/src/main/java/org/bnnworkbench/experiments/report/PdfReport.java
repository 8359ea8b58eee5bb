package org.bnnworkbench.experiments.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.ListItem;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A report as a PDF (OpenPDF): A4, each section on a new page, charts and block diagrams as vectors (JFreeChart and
 * Java2D drawn through {@code PdfTemplate.createGraphics}), tables that break across pages between rows with their
 * header row repeated, and the title and page number at the foot of every page.
 */
public final class PdfReport {

    /** The charts are laid out at this size, then scaled to the page width (fonts shrink with them). */
    static final int CHART_WIDTH = 760;
    static final int CHART_HEIGHT = 500;
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font SECTION = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14, new Color(0x2A4D75));
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7.5f, Color.DARK_GRAY);
    private static final Font CODE = FontFactory.getFont(FontFactory.COURIER, 7.5f);
    private static final Font CELL = FontFactory.getFont(FontFactory.HELVETICA, 7);
    private static final Font HEADER_CELL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7);
    /** Columns with no text longer than this many characters are sized to fit rather than wrap. */
    private static final int SHORT = 26;
    /** About the width of a character of the 7-point table fonts (digits are 3.9 pt, bold capitals more). */
    private static final float CHAR_WIDTH = 4.1f;
    private static final Color HEADER_BACKGROUND = new Color(0xEE, 0xF3, 0xF8);

    /** The document's bytes and how many pages it has. */
    public record Written(byte[] bytes, int pages) {
    }

    private PdfReport() {
    }

    public static Written pdf(Report report, ReportProgress progress) {
        var bytes = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 40, 40, 45, 50);
        PdfWriter writer = PdfWriter.getInstance(document, bytes);
        writer.setStrictImageSequence(true);
        writer.setPageEvent(new Footer(report.title()));
        document.addTitle(report.title());
        document.addCreator("BNN Workbench");
        document.open();
        try {
            document.add(new Paragraph(report.title(), TITLE));
            document.add(new Paragraph(report.subtitle(), SMALL));
            int parts = Math.max(1, report.sections().stream().mapToInt(s -> s.parts().size()).sum());
            int done = 0;
            boolean first = true;
            for (ReportSection s : report.sections()) {
                if (!first) {
                    document.newPage();
                }
                first = false;
                var title = new Paragraph(s.title(), SECTION);
                title.setSpacingBefore(10);
                title.setSpacingAfter(6);
                document.add(title);
                for (int i = 0; i < s.parts().size(); i++) {
                    ReportPart p = s.parts().get(i);
                    if (p instanceof ReportPart.Heading) {
                        keepWithWhatFollows(document, writer, s.parts(), i);
                    }
                    part(document, writer, p);
                    progress.update((double) ++done / parts, "writing " + s.title());
                }
            }
            document.close();
            // counted on the finished file: the writer's own counter includes a last page left empty
            var reader = new com.lowagie.text.pdf.PdfReader(bytes.toByteArray());
            int pages = reader.getNumberOfPages();
            reader.close();
            return new Written(bytes.toByteArray(), pages);
        } catch (DocumentException | java.io.IOException e) {
            throw new ReportException("the PDF could not be laid out: " + e.getMessage(), e);
        }
    }

    private static void part(Document document, PdfWriter writer, ReportPart part) {
        float width = document.right() - document.left();
        if (part instanceof ReportPart.Heading h) {
            var p = new Paragraph(h.text(), HEADING);
            p.setSpacingBefore(8);
            p.setSpacingAfter(3);
            p.setKeepTogether(true);
            document.add(p);
        } else if (part instanceof ReportPart.Text t) {
            var p = new Paragraph(t.text(), BODY);
            p.setSpacingAfter(4);
            document.add(p);
        } else if (part instanceof ReportPart.Note n) {
            document.add(note(n, width));
        } else if (part instanceof ReportPart.Code c) {
            document.add(code(c.text(), width));
        } else if (part instanceof ReportPart.Items items) {
            var list = new com.lowagie.text.List(false, 10);
            list.setListSymbol(new Chunk("\u2022 ", BODY));
            items.items().forEach(i -> list.add(new ListItem(i, BODY)));
            document.add(list);
        } else if (part instanceof ReportPart.TablePart t) {
            float portrait = PageSize.A4.getWidth() - 80;
            Table shown = t.table().shown();
            if (naturalWidth(shown) > 1.3f * portrait) {
                // a wide table gets landscape pages of its own; the page after it is portrait again
                document.setPageSize(PageSize.A4.rotate());
                document.newPage();
                document.add(table(shown, PageSize.A4.getHeight() - 80));
                document.setPageSize(PageSize.A4);
            } else {
                document.add(table(shown, portrait));
            }
        } else if (part instanceof ReportPart.ChartPart c) {
            float height = width * CHART_HEIGHT / CHART_WIDTH;
            // the chart and its caption on one page: about 3.4 points a character of the caption's 7.5-point font
            float caption = 10 * (float) Math.ceil(c.chart().caption().length() * 3.4f / width) + 12;
            if (writer.getVerticalPosition(false) - document.bottom() < height + caption) {
                document.newPage();
            }
            document.add(drawing(writer, width, height, CHART_WIDTH, CHART_HEIGHT,
                    g -> c.chart().chart().draw(g, new Rectangle2D.Double(0, 0, CHART_WIDTH, CHART_HEIGHT))));
            var text = new Paragraph(c.chart().caption(), SMALL);
            text.setSpacingAfter(8);
            document.add(text);
        } else if (part instanceof ReportPart.DiagramPart d) {
            NetworkDiagram diagram = NetworkDiagram.of(d.design());
            Dimension size = diagram.size();
            float maxHeight = (document.top() - document.bottom()) * 0.85f;
            float scale = Math.min(Math.min(1f, width / size.width), maxHeight / size.height);
            document.add(drawing(writer, size.width * scale, size.height * scale, size.width, size.height,
                    diagram::draw));
            var caption = new Paragraph(HtmlReport.DIAGRAM_CAPTION.formatted(d.design().name()), SMALL);
            caption.setSpacingAfter(6);
            document.add(caption);
        }
    }

    /**
     * Starts a new page rather than leave a heading low on a page, parted from what it introduces: it needs 30% of a
     * page, or when a block diagram follows it (before the next heading), the diagram's height and some text.
     */
    private static void keepWithWhatFollows(Document document, PdfWriter writer, List<ReportPart> parts, int heading) {
        float page = document.top() - document.bottom();
        float wanted = 0.3f * page;
        for (int i = heading + 1; i < parts.size() && !(parts.get(i) instanceof ReportPart.Heading); i++) {
            if (parts.get(i) instanceof ReportPart.DiagramPart d) {
                Dimension size = NetworkDiagram.of(d.design()).size();
                float width = document.right() - document.left();
                float scale = Math.min(Math.min(1f, width / size.width), 0.85f * page / size.height);
                wanted = Math.min(page, size.height * scale + 90);
                break;
            }
        }
        if (writer.getVerticalPosition(false) - document.bottom() < wanted) {
            document.newPage();
        }
    }

    /** A Java2D drawing laid out at {@code w x h} and scaled into a vector image of {@code width x height} points. */
    private static Image drawing(PdfWriter writer, float width, float height, int w, int h,
                                 java.util.function.Consumer<Graphics2D> painter) {
        PdfContentByte content = writer.getDirectContent();
        PdfTemplate template = content.createTemplate(width, height);
        Graphics2D g = template.createGraphics(width, height);
        try {
            g.scale(width / w, height / h);
            painter.accept(g);
        } finally {
            g.dispose();
        }
        Image image = Image.getInstance(template);
        image.setAlignment(Element.ALIGN_CENTER);
        return image;
    }

    /** A note as a one-cell table: a coloured bar on the left, a light background, bold text. */
    private static PdfPTable note(ReportPart.Note n, float width) {
        var table = new PdfPTable(1);
        table.setTotalWidth(width);
        table.setLockedWidth(true);
        Color accent = n.warning() ? new Color(0xC0, 0x39, 0x2B) : new Color(0x4E, 0x79, 0xA7);
        var cell = new PdfPCell(new Phrase(n.text(), FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9,
                n.warning() ? new Color(0x7B, 0x1D, 0x14) : Color.BLACK)));
        cell.setBackgroundColor(n.warning() ? new Color(0xFD, 0xEC, 0xEA) : new Color(0xEE, 0xF3, 0xF8));
        cell.setBorder(Rectangle.LEFT);
        cell.setBorderWidthLeft(3);
        cell.setBorderColorLeft(accent);
        cell.setPadding(5);
        table.addCell(cell);
        table.setSpacingBefore(3);
        table.setSpacingAfter(6);
        table.setKeepTogether(true);
        return table;
    }

    private static PdfPTable code(String text, float width) {
        var table = new PdfPTable(1);
        table.setTotalWidth(width);
        table.setLockedWidth(true);
        var cell = new PdfPCell(new Phrase(text, CODE));
        cell.setBackgroundColor(new Color(0xF4, 0xF4, 0xF4));
        cell.setBorderColor(new Color(0xDD, 0xDD, 0xDD));
        cell.setPadding(4);
        table.addCell(cell);
        table.setSpacingBefore(2);
        table.setSpacingAfter(6);
        return table;
    }

    /** A table whose header row repeats on every page it runs over; rows are not split unless taller than a page. */
    static PdfPTable table(Table t, float width) {
        var table = new PdfPTable(t.columns().size());
        table.setWidthPercentage(100);
        table.setWidths(widths(t, width));
        table.setHeaderRows(1);
        table.setSplitLate(true);
        table.setSpacingBefore(4);
        table.setSpacingAfter(10);
        for (int i = 0; i < t.columns().size(); i++) {
            var cell = new PdfPCell(new Phrase(t.columns().get(i), HEADER_CELL));
            cell.setBackgroundColor(HEADER_BACKGROUND);
            cell.setHorizontalAlignment(t.numeric().get(i) ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            cell.setPadding(2.5f);
            table.addCell(cell);
        }
        for (List<String> row : t.rows()) {
            for (int i = 0; i < row.size(); i++) {
                var cell = new PdfPCell(new Phrase(row.get(i), CELL));
                cell.setHorizontalAlignment(t.numeric().get(i) ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                cell.setPadding(2.5f);
                cell.setBorderColor(new Color(0xCC, 0xCC, 0xCC));
                table.addCell(cell);
            }
        }
        var caption = new PdfPCell(new Phrase(t.caption() + "  (CSV: " + t.id() + ".csv)", SMALL));
        caption.setColspan(t.columns().size());
        caption.setBorder(Rectangle.NO_BORDER);
        caption.setPaddingTop(3);
        table.addCell(caption);
        return table;
    }

    /**
     * Column widths in points: a column whose texts are short (numbers, ids, at most {@value #SHORT} characters) gets
     * the room its longest text and header word need, so it never wraps; the long text columns share the rest by
     * their longest text (at most 28 characters counted), and wrap.
     */
    static float[] widths(Table t, float total) {
        int n = t.columns().size();
        int[] longest = new int[n];
        int[] header = new int[n];
        for (int i = 0; i < n; i++) {
            header[i] = longestWord(t.columns().get(i));
            longest[i] = header[i];
            for (List<String> row : t.rows()) {
                longest[i] = Math.max(longest[i], row.get(i).length());
            }
        }
        float[] w = new float[n];
        boolean[] fits = new boolean[n];
        for (int i = 0; i < n; i++) {
            fits[i] = longest[i] <= SHORT;
        }
        // the columns that fit may take at most 60% of the width: the longest of them share the rest instead
        while (true) {
            float fitting = 0;
            int widest = -1;
            for (int i = 0; i < n; i++) {
                if (fits[i]) {
                    fitting += longest[i] * CHAR_WIDTH + 8;
                    widest = widest < 0 || longest[i] > longest[widest] ? i : widest;
                }
            }
            if (fitting <= 0.6f * total || widest < 0) {
                break;
            }
            fits[widest] = false;
        }
        float used = 0;
        int shared = 0;
        for (int i = 0; i < n; i++) {
            if (fits[i]) {
                w[i] = longest[i] * CHAR_WIDTH + 8;
                used += w[i];
            } else {
                shared += Math.min(longest[i], 28);
            }
        }
        float left = Math.max(total - used, total * 0.3f);
        for (int i = 0; i < n; i++) {
            if (!fits[i]) {
                w[i] = Math.max(left * Math.min(longest[i], 28) / shared, header[i] * CHAR_WIDTH + 8);
            }
        }
        return w;
    }

    /** The width a table would take with no text wrapped (texts counted up to 28 characters). */
    static float naturalWidth(Table t) {
        float width = 0;
        for (int i = 0; i < t.columns().size(); i++) {
            int longest = longestWord(t.columns().get(i));
            for (List<String> row : t.rows()) {
                longest = Math.max(longest, Math.min(row.get(i).length(), 28));
            }
            width += longest * CHAR_WIDTH + 8;
        }
        return width;
    }

    private static int longestWord(String text) {
        int longest = 0;
        for (String word : text.split("\\s+")) {
            longest = Math.max(longest, word.length());
        }
        return longest;
    }

    /** The report's title and the page number at the foot of every page. */
    private static final class Footer extends PdfPageEventHelper {
        private final String title;

        Footer(String title) {
            this.title = title;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_LEFT, new Phrase(title, SMALL),
                    document.left(), document.bottom() - 20, 0);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT,
                    new Phrase("page " + writer.getPageNumber(), SMALL), document.right(), document.bottom() - 20, 0);
        }
    }
}
