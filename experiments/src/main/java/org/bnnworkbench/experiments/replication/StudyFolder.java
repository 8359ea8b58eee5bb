package org.bnnworkbench.experiments.replication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunRecordJson;
import org.bnnworkbench.experiments.sweep.JournalEntry;
import org.bnnworkbench.experiments.sweep.Sweep;
import org.bnnworkbench.experiments.sweep.SweepFile;
import org.bnnworkbench.experiments.sweep.SweepJournal;
import org.bnnworkbench.experiments.sweep.SweepParameter;
import org.bnnworkbench.experiments.sweep.SweepPoint;
import org.bnnworkbench.experiments.sweep.SweepRunner;
import org.bnnworkbench.experiments.sweep.SweepSummary;

/**
 * A replication study's folder as {@code bnn replicate} leaves it: a sweep folder ({@code sweep.json},
 * {@code journal.jsonl}, {@code results.csv}, {@code summary.csv}, {@code comparisons.csv}, {@code runs/<id>/run.json})
 * with the study's {@code study.json}, read back with its claims checked. The report and the replication page are
 * made from this, so that they show exactly what the folders hold.
 *
 * @param entries the journal's entries of the sweep's points, in point order
 */
public record StudyFolder(Path folder, Study study, boolean quick, Sweep sweep, List<JournalEntry> entries,
                          SweepSummary summary, List<ClaimCheck> checks) {

    public static final String STUDY_FILE = "study.json";

    public StudyFolder {
        entries = List.copyOf(entries);
        checks = List.copyOf(checks);
    }

    public static boolean isStudy(Path folder) {
        return Files.isRegularFile(folder.resolve(STUDY_FILE));
    }

    /** The study folders directly inside {@code folder}, by name. */
    public static List<Path> studiesIn(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).filter(StudyFolder::isStudy).sorted().toList();
        }
    }

    /** @throws IOException if {@code study.json}, {@code sweep.json} or the journal cannot be read or make no sense */
    public static StudyFolder read(Path folder) throws IOException {
        JsonNode node = StudyManifest.tree(Files.readString(folder.resolve(STUDY_FILE), StandardCharsets.UTF_8));
        Study study;
        try {
            study = StudyManifest.study(node, folder.resolve(STUDY_FILE).toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        Sweep sweep;
        try {
            sweep = SweepFile.parse(Files.readString(folder.resolve(SweepRunner.SWEEP_FILE), StandardCharsets.UTF_8),
                    study.name());
        } catch (RuntimeException e) {
            throw new IOException(folder.resolve(SweepRunner.SWEEP_FILE) + ": " + e.getMessage(), e);
        }
        Map<String, JournalEntry> byId = SweepJournal.read(folder.resolve(SweepJournal.FILE)).entries();
        var entries = new ArrayList<JournalEntry>();
        for (SweepPoint p : sweep.points()) {
            JournalEntry e = byId.get(p.id());
            if (e != null) {
                entries.add(e);
            }
        }
        List<JournalEntry> filled = SweepJournal.withTestImages(folder, entries);
        List<String> parameters = sweep.parameters().stream().map(SweepParameter::name).toList();
        SweepSummary summary = SweepSummary.of(parameters, filled);
        var checks = study.claims().stream().map(c -> ClaimCheck.of(c, summary)).toList();
        return new StudyFolder(folder, study, node.path("quick").asBoolean(false), sweep, filled, summary, checks);
    }

    /** The run records of the entries, by id, where they can be read (for the training curves). */
    public Map<String, RunRecord> records() {
        var records = new LinkedHashMap<String, RunRecord>();
        for (JournalEntry e : entries) {
            try {
                Path file = folder.resolve(e.record()).normalize();
                if (file.startsWith(folder.normalize())) {
                    records.put(e.id(), RunRecordJson.read(file));
                }
            } catch (IOException | RuntimeException ex) {
                // a missing or damaged record: the run has no curve
            }
        }
        return records;
    }
}
