package org.bnnworkbench.experiments.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One table of a report, as text cells: what the HTML and PDF show, what the CSV file next to the report holds, and
 * what the app copies to the clipboard. Numbers are written plainly (no thousands separators, a dot for decimals), so
 * the CSV parses in any spreadsheet; {@code numeric} columns are right-aligned when shown.
 *
 * <p>A column may be for the CSV file only ({@code csvOnly}): a table shows an accuracy as {@code 89.10 ± 0.70},
 * one text cell for the reader, and keeps the two numbers in CSV-only columns beside it for a script. The documents
 * and the Markdown copy show {@link #shown()}.
 *
 * @param id      the CSV file's name without {@code .csv}, e.g. {@code runs}; letters, digits and '-'
 * @param caption what the table shows, in a sentence or a title
 * @param csvOnly per column, whether only the CSV file holds it
 */
public record Table(String id, String caption, List<String> columns, List<Boolean> numeric, List<List<String>> rows,
                    List<Boolean> csvOnly) {

    public Table {
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("a table id is lower-case letters, digits and '-': '" + id + "'");
        }
        columns = List.copyOf(columns);
        numeric = List.copyOf(numeric);
        csvOnly = csvOnly == null ? java.util.Collections.nCopies(columns.size(), false) : List.copyOf(csvOnly);
        if (numeric.size() != columns.size() || csvOnly.size() != columns.size()) {
            throw new IllegalArgumentException("one numeric and one csvOnly flag per column");
        }
        var copied = new ArrayList<List<String>>();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + ": a row of " + row.size() + " cells, "
                        + columns.size() + " columns");
            }
            copied.add(List.copyOf(row.stream().map(c -> c == null ? "" : c).toList()));
        }
        rows = List.copyOf(copied);
    }

    /** A table whose every column is shown. */
    public Table(String id, String caption, List<String> columns, List<Boolean> numeric, List<List<String>> rows) {
        this(id, caption, columns, numeric, rows, null);
    }

    /** The table as the documents show it: without the CSV-only columns. */
    public Table shown() {
        if (!csvOnly.contains(true)) {
            return this;
        }
        var keep = new ArrayList<Integer>();
        for (int i = 0; i < columns.size(); i++) {
            if (!csvOnly.get(i)) {
                keep.add(i);
            }
        }
        var rowsShown = new ArrayList<List<String>>();
        for (List<String> row : rows) {
            rowsShown.add(keep.stream().map(row::get).toList());
        }
        return new Table(id, caption, keep.stream().map(columns::get).toList(), keep.stream().map(numeric::get)
                .toList(), rowsShown);
    }

    /** The index of a column by its name; -1 if there is none. */
    public int column(String name) {
        return columns.indexOf(name);
    }

    /** A table being built column by column, then row by row. */
    public static Builder builder(String id, String caption) {
        return new Builder(id, caption);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** RFC 4180: a header line, then one line per row; fields with commas, quotes or line breaks are quoted. */
    public String csv() {
        var text = new StringBuilder();
        csvLine(text, columns);
        rows.forEach(row -> csvLine(text, row));
        return text.toString();
    }

    /**
     * A GitHub-flavoured Markdown table of the shown columns; '|' in a cell is escaped and line breaks become spaces.
     */
    public String markdown() {
        if (csvOnly.contains(true)) {
            return shown().markdown();
        }
        var text = new StringBuilder();
        markdownLine(text, columns);
        text.append('|');
        for (int i = 0; i < columns.size(); i++) {
            text.append(numeric.get(i) ? " ---: |" : " --- |");
        }
        text.append('\n');
        rows.forEach(row -> markdownLine(text, row));
        return text.toString();
    }

    private static void csvLine(StringBuilder text, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (i > 0) {
                text.append(',');
            }
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
            text.append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        text.append("\r\n");
    }

    private static void markdownLine(StringBuilder text, List<String> cells) {
        text.append('|');
        for (String cell : cells) {
            text.append(' ').append(cell.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\R", " "))
                    .append(" |");
        }
        text.append('\n');
    }

    public static final class Builder {
        private final String id;
        private final String caption;
        private final List<String> columns = new ArrayList<>();
        private final List<Boolean> numeric = new ArrayList<>();
        private final List<Boolean> csvOnly = new ArrayList<>();
        private final List<List<String>> rows = new ArrayList<>();

        private Builder(String id, String caption) {
            this.id = id;
            this.caption = caption;
        }

        public Builder text(String column) {
            return add(column, false, false);
        }

        public Builder number(String column) {
            return add(column, true, false);
        }

        /** A numeric column that only the CSV file holds, e.g. the number behind a shown {@code 89.10 ± 0.70}. */
        public Builder csvNumber(String column) {
            return add(column, true, true);
        }

        private Builder add(String column, boolean isNumber, boolean onlyCsv) {
            columns.add(column);
            numeric.add(isNumber);
            csvOnly.add(onlyCsv);
            return this;
        }

        public Builder row(String... cells) {
            rows.add(java.util.Arrays.asList(cells));
            return this;
        }

        public Builder row(List<String> cells) {
            rows.add(new ArrayList<>(cells));
            return this;
        }

        public Table build() {
            return new Table(id, caption, columns, numeric, rows, csvOnly);
        }
    }
}
