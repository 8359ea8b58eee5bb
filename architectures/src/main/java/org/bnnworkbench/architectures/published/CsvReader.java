package org.bnnworkbench.architectures.published;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated values as RFC 4180 defines them: records end with CRLF or LF, a field in
 * double quotes may hold commas, line breaks and doubled quotes ({@code ""} for one {@code "}).
 * Each record remembers the line it starts on, so a table row can be cited as {@code file:line}.
 */
public final class CsvReader {

    /** One record: its fields and the (1-based) line it starts on. */
    public record Record(int line, List<String> fields) {

        public Record {
            fields = List.copyOf(fields);
        }
    }

    private CsvReader() {
    }

    /** All records of {@code text}, header included; throws {@link IllegalArgumentException} on a broken quote. */
    public static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false; // the current field was a closed quoted field
        int line = 1;
        int recordLine = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                quoted = false;
                i++;
            } else if (c == '\r' || c == '\n') {
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                fields.add(field.toString());
                records.add(new Record(recordLine, fields));
                fields = new ArrayList<>();
                field.setLength(0);
                quoted = false;
                line++;
                recordLine = line;
            } else if (quoted) {
                throw new IllegalArgumentException("line " + line + ": text after the closing quote of a field");
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new IllegalArgumentException("line " + line + ": a quote inside an unquoted field");
                }
                int opened = line;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("line " + opened + ": a quoted field is not closed");
                    }
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                            continue;
                        }
                        break;
                    }
                    if (q == '\n') {
                        line++;
                    }
                    field.append(q);
                }
                quoted = true;
            } else {
                field.append(c);
                i++;
            }
        }
        if (field.length() > 0 || quoted || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(recordLine, fields));
        }
        return records;
    }
}
