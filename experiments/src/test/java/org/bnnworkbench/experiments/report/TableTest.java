package org.bnnworkbench.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bnnworkbench.architectures.published.CsvReader;
import org.junit.jupiter.api.Test;

class TableTest {

    private final Table table = Table.builder("t", "a table").text("name").number("top-1 (%)")
            .row("plain", "81.25").row("with, comma and \"quotes\"", "1").row("pipe | and\nnewline", "2").build();

    @Test
    void csvQuotesWhatNeedsItAndReadsBackCellForCell() {
        List<CsvReader.Record> records = CsvReader.parse(table.csv());
        assertThat(records).hasSize(4);
        assertThat(records.get(0).fields()).containsExactly("name", "top-1 (%)");
        assertThat(records.get(2).fields()).containsExactly("with, comma and \"quotes\"", "1");
        assertThat(records.get(3).fields()).containsExactly("pipe | and\nnewline", "2");
    }

    @Test
    void markdownEscapesPipesKeepsOneLinePerRowAndRightAlignsNumbers() {
        assertThat(table.markdown().lines().toList()).containsExactly(
                "| name | top-1 (%) |",
                "| --- | ---: |",
                "| plain | 81.25 |",
                "| with, comma and \"quotes\" | 1 |",
                "| pipe \\| and newline | 2 |");
    }

    @Test
    void everyRowHasACellPerColumn() {
        assertThatThrownBy(() -> Table.builder("t", "x").text("a").text("b").row("only one").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells, 2 columns");
    }
}
