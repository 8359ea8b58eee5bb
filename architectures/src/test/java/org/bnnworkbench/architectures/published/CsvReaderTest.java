package org.bnnworkbench.architectures.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<List<String>> fields(String text) {
        return CsvReader.parse(text).stream().map(CsvReader.Record::fields).toList();
    }

    @Test
    void plainFieldsSplitAtCommas() {
        assertThat(fields("a,b,c\n1,2,3\n")).containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
    }

    @Test
    void quotedFieldsKeepCommasAndDoubledQuotes() {
        assertThat(fields("\"ResNetE18 (a, b)\",\"say \"\"hi\"\"\",x\n"))
                .containsExactly(List.of("ResNetE18 (a, b)", "say \"hi\"", "x"));
    }

    @Test
    void quotedFieldsMayHoldLineBreaksAndRecordsRememberTheirFirstLine() {
        var records = CsvReader.parse("h1,h2\r\n\"two\r\nlines\",b\r\nc,d\r\n");
        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1, 2, 4);
        assertThat(records.get(1).fields()).containsExactly("two\r\nlines", "b");
    }

    @Test
    void crlfAndLfEndRecordsAlikeAndTheLastLineNeedsNoBreak() {
        assertThat(fields("a,b\r\nc,d")).containsExactly(List.of("a", "b"), List.of("c", "d"));
    }

    @Test
    void emptyFieldsAreKept() {
        assertThat(fields(",x,,\n\"\"\n")).containsExactly(List.of("", "x", "", ""), List.of(""));
    }

    @Test
    void brokenQuotesAreRefusedWithTheLine() {
        assertThatThrownBy(() -> CsvReader.parse("a\n\"open,b\n")).hasMessageContaining("line 2")
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> CsvReader.parse("\"a\"b,c\n")).hasMessageContaining("after the closing quote");
        assertThatThrownBy(() -> CsvReader.parse("a\"b\n")).hasMessageContaining("quote inside");
    }
}
