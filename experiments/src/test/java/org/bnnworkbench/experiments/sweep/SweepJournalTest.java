package org.bnnworkbench.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bnnworkbench.experiments.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal survives a crash in the middle of a line: that line is ignored and cut off, nothing else is lost. */
class SweepJournalTest {

    @TempDir
    Path temp;

    private static JournalEntry entry(String id, int index, double top1) {
        return new JournalEntry(id, index, Map.of("clip", 1.3), 42, RunStatus.COMPLETED, top1, 10464L, 190490.5,
                0.8, "runs/" + id + "/run.json", "2026-01-02T03:04:05Z", "completed 1 epochs");
    }

    @Test
    void aHalfWrittenLastLineIsIgnoredAndCutOffBeforeTheNextLine() throws IOException {
        Path file = temp.resolve(SweepJournal.FILE);
        String first = SweepJournal.line(entry("p000-aaaaaaaa", 0, 0.5));
        String second = SweepJournal.line(entry("p001-bbbbbbbb", 1, 0.6));
        // as a kill -9 in the middle of the write would leave it: the second line without its end
        Files.writeString(file, first + "\n" + second.substring(0, second.length() / 2), StandardCharsets.UTF_8);

        SweepJournal.Contents read = SweepJournal.read(file);
        assertThat(read.entries()).containsOnlyKeys("p000-aaaaaaaa");
        assertThat(read.halfWrittenTail()).isTrue();
        assertThat(read.ignoredLines()).isEqualTo(1);

        try (SweepJournal journal = SweepJournal.open(file)) {
            assertThat(journal.contents().entries()).containsOnlyKeys("p000-aaaaaaaa");
            journal.append(entry("p001-bbbbbbbb", 1, 0.6));
        }

        assertThat(Files.readString(file)).isEqualTo(first + "\n" + second + "\n");
        SweepJournal.Contents after = SweepJournal.read(file);
        assertThat(after.entries()).containsOnlyKeys("p000-aaaaaaaa", "p001-bbbbbbbb");
        assertThat(after.entries().get("p001-bbbbbbbb")).isEqualTo(entry("p001-bbbbbbbb", 1, 0.6));
        assertThat(after.ignoredLines()).isZero();
    }

    @Test
    void aGarbledCompleteLineIsCountedNotFatalAndAnIdWrittenTwiceKeepsItsFirstLine() throws IOException {
        Path file = temp.resolve(SweepJournal.FILE);
        Files.writeString(file, SweepJournal.line(entry("p000-aaaaaaaa", 0, 0.5)) + "\n{not json\n\n"
                + SweepJournal.line(entry("p000-aaaaaaaa", 0, 0.9)) + "\n");

        SweepJournal.Contents read = SweepJournal.read(file);

        assertThat(read.ignoredLines()).isEqualTo(1);
        assertThat(read.halfWrittenTail()).isFalse();
        assertThat(read.entries().get("p000-aaaaaaaa").testTop1()).isEqualTo(0.5);
    }

    @Test
    void aMissingJournalIsEmptyAndOpeningCreatesIt() throws IOException {
        Path file = temp.resolve(SweepJournal.FILE);

        assertThat(SweepJournal.read(file).entries()).isEmpty();
        try (SweepJournal journal = SweepJournal.open(file)) {
            assertThat(journal.contents().entries()).isEmpty();
        }
        assertThat(file).exists().isEmptyFile();
    }

    @Test
    void theResultsTableQuotesTextWithCommasAndMarksNoBestFromOneSeedEach() {
        var diverged = new JournalEntry("p002-cccccccc", 2, Map.of("blocks", "2,2"), 42, RunStatus.DIVERGED, 0.99,
                null, null, 1.0, "runs/p002-cccccccc/run.json", null, "diverged");
        var withBlocks = new JournalEntry("p001-bbbbbbbb", 1, Map.of("blocks", "2,0"), 42, RunStatus.COMPLETED, 0.6,
                10464L, 1.0e-4, 0.8, "runs/p001-bbbbbbbb/run.json", null, "completed 1 epochs");

        String csv = ResultsCsv.text(java.util.List.of("blocks"), java.util.List.of(withBlocks, diverged));

        assertThat(csv.lines()).containsExactly(
                "id,blocks,seed,status,testTop1,testImages,testSetError,modelSizeBytes,ops,wallSeconds,best",
                "p001-bbbbbbbb,\"2,0\",42,completed,0.6,,,10464,0.0001,0.8,false",
                "p002-cccccccc,\"2,2\",42,diverged,0.99,,,,,1,false");
    }

    @Test
    void theResultsTableGivesEachRunsTestSetErrorAndMarksTheRunsOfAClearlyBestConfiguration() {
        var rows = new java.util.ArrayList<JournalEntry>();
        double[][] accuracies = {{0.80, 0.81, 0.79}, {0.90, 0.91, 0.89}};
        for (int c = 0; c < 2; c++) {
            for (int s = 0; s < 3; s++) {
                String id = "p00" + c + "-" + s + "aaaaaaa";
                rows.add(new JournalEntry(id, 2 * s + c, Map.of("clip", c == 0 ? 1.0 : 1.3), 42 + s,
                        RunStatus.COMPLETED, accuracies[c][s], 1L, 1.0, 1.0, "runs/" + id + "/run.json", null, "done",
                        2000));
            }
        }

        var lines = ResultsCsv.text(java.util.List.of("clip"), rows).lines().toList();

        assertThat(lines.get(1)).isEqualTo("p000-0aaaaaaa,1,42,completed,0.8,2000,0.00894427,1,1,1,false");
        assertThat(lines.get(4)).isEqualTo("p001-0aaaaaaa,1.3,42,completed,0.9,2000,0.00670820,1,1,1,true"
                .replace("0.00670820", "0.0067082"));
        assertThat(lines).filteredOn(l -> l.endsWith(",true")).hasSize(3);
    }

    @Test
    void aSweptSeedIsOneColumnAndAJsonNumber() {
        var entry = new JournalEntry("p000-aaaaaaaa", 0, Map.of("seed", 7L), 7, RunStatus.COMPLETED, 0.5, 1L, 1.0,
                1.0, "runs/p000-aaaaaaaa/run.json", null, "completed 1 epochs");
        SweepPoint point = SweepFile.parse("{\"base\": {\"arch\": \"bnn-small\"}, \"grid\": {\"seed\": [7]}}", "t")
                .points().get(0);

        assertThat(ResultsCsv.text(java.util.List.of("seed"), java.util.List.of(entry)).lines()).containsExactly(
                "id,seed,status,testTop1,testImages,testSetError,modelSizeBytes,ops,wallSeconds,best",
                "p000-aaaaaaaa,7,completed,0.5,,,1,1,1,false");
        assertThat(point.jsonValues().get("seed")).isEqualTo(7L);
        assertThat(point.settings().config().seed()).isEqualTo(7L);
    }
}
