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
    void csvOnlyColumnsAreInTheCsvFileButNotShown() {
        Table t = Table.builder("t", "runs").text("run").number("top-1 (%) \u00b1 SE").csvNumber("top-1 (%)")
                .csvNumber("SE (points)").row("a", "89.10 \u00b1 0.70", "89.10", "0.70").build();

        assertThat(CsvReader.parse(t.csv()).get(0).fields()).containsExactly("run", "top-1 (%) \u00b1 SE", "top-1 (%)",
                "SE (points)");
        assertThat(CsvReader.parse(t.csv()).get(1).fields()).containsExactly("a", "89.10 \u00b1 0.70", "89.10", "0.70");
        assertThat(t.shown().columns()).containsExactly("run", "top-1 (%) \u00b1 SE");
        assertThat(t.shown().rows()).containsExactly(List.of("a", "89.10 \u00b1 0.70"));
        assertThat(t.shown().numeric()).containsExactly(false, true);
        assertThat(t.markdown().lines().toList()).containsExactly("| run | top-1 (%) \u00b1 SE |", "| --- | ---: |",
                "| a | 89.10 \u00b1 0.70 |");
        assertThat(table.shown()).isSameAs(table);
    }

    @Test
    void everyRowHasACellPerColumn() {
        assertThatThrownBy(() -> Table.builder("t", "x").text("a").text("b").row("only one").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells, 2 columns");
    }
}
