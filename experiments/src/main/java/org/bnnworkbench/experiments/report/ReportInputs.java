package org.bnnworkbench.experiments.report;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.experiments.replication.StudyFolder;
import org.bnnworkbench.experiments.run.RunDirectory;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunRecordJson;
import org.bnnworkbench.experiments.sweep.JournalEntry;
import org.bnnworkbench.experiments.sweep.ResultsCsv;
import org.bnnworkbench.experiments.sweep.SweepFile;
import org.bnnworkbench.experiments.sweep.SweepJournal;
import org.bnnworkbench.experiments.sweep.SweepParameter;

/**
 * Reads the folders a report is made of: a run folder holds {@code run.json}, a sweep folder {@code journal.jsonl}
 * (with {@code sweep.json} and {@code runs/<id>/run.json} beside it, as {@code bnn sweep} leaves them), a replication
 * study's folder is a sweep folder with {@code study.json} (read as a study, not also as a sweep), and a folder that
 * holds study folders ({@code bnn replicate --out DIR}) stands for all of them. Anything else is refused with a
 * one-line {@link ReportException} naming the folder.
 */
public final class ReportInputs {

    /** What the given folders held: the runs given on their own, the sweeps and the replication studies. */
    public record Contents(List<ReportRun> runs, List<ReportSweep> sweeps, List<ReportStudy> studies) {

        public Contents {
            runs = List.copyOf(runs);
            sweeps = List.copyOf(sweeps);
            studies = List.copyOf(studies);
        }

        public Contents(List<ReportRun> runs, List<ReportSweep> sweeps) {
            this(runs, sweeps, List.of());
        }

        /** Every run: those given on their own, then each sweep's and each study's in point order. */
        public List<ReportRun> allRuns() {
            var all = new ArrayList<>(runs);
            for (ReportSweep s : sweeps) {
                for (JournalEntry e : s.entries()) {
                    ReportRun r = s.runs().get(e.id());
                    if (r != null) {
                        all.add(r);
                    }
                }
            }
            for (ReportStudy s : studies) {
                for (JournalEntry e : s.study().entries()) {
                    ReportRun r = s.runs().get(e.id());
                    if (r != null) {
                        all.add(r);
                    }
                }
            }
            return all;
        }
    }

    private ReportInputs() {
    }

    public static Contents read(List<Path> folders) {
        var runs = new ArrayList<ReportRun>();
        var sweeps = new ArrayList<ReportSweep>();
        var studies = new ArrayList<ReportStudy>();
        var seen = new java.util.HashSet<Path>();
        for (Path folder : folders) {
            if (!seen.add(key(folder))) {
                continue;
            }
            if (StudyFolder.isStudy(folder)) {
                studies.add(readStudy(folder));
            } else if (isSweep(folder)) {
                sweeps.add(readSweep(folder));
            } else if (!isRun(folder) && !studiesIn(folder).isEmpty()) {
                for (Path study : studiesIn(folder)) {
                    if (seen.add(key(study))) {
                        studies.add(readStudy(study));
                    }
                }
            } else {
                runs.add(readRun(folder));
            }
        }
        // a study given on its own and again through its parent folder is read once, in the first place
        return new Contents(runs, sweeps, studies);
    }

    private static List<Path> studiesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try {
            return StudyFolder.studiesIn(folder);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Path key(Path folder) {
        return folder.toAbsolutePath().normalize();
    }

    /** @throws ReportException if the folder is not a readable replication study */
    public static ReportStudy readStudy(Path folder) {
        checkFolder(folder);
        StudyFolder study;
        try {
            study = StudyFolder.read(folder);
        } catch (IOException | RuntimeException e) {
            throw new ReportException(folder + ": not a readable replication study (" + e.getMessage() + ")", e);
        }
        return new ReportStudy(study, runsOf(folder, study.study().name(), study.entries()));
    }

    /** Whether the folder holds a sweep's journal. */
    public static boolean isSweep(Path folder) {
        return Files.isRegularFile(folder.resolve(SweepJournal.FILE));
    }

    /** Whether the folder holds a run record. */
    public static boolean isRun(Path folder) {
        return Files.isRegularFile(folder.resolve(RunDirectory.RECORD));
    }

    /** @throws ReportException if the folder is missing or holds no run record */
    public static ReportRun readRun(Path folder) {
        checkFolder(folder);
        if (!isRun(folder)) {
            throw new ReportException(folder + ": neither a run (no " + RunDirectory.RECORD + ") nor a sweep (no "
                    + SweepJournal.FILE + "), and no replication study (no " + StudyFolder.STUDY_FILE + ") in it");
        }
        return new ReportRun(name(folder), null, null, folder, record(folder.resolve(RunDirectory.RECORD)));
    }

    /** @throws ReportException if the folder is missing or holds no journal */
    public static ReportSweep readSweep(Path folder) {
        checkFolder(folder);
        SweepJournal.Contents journal;
        try {
            journal = SweepJournal.read(folder.resolve(SweepJournal.FILE));
        } catch (IOException e) {
            throw new ReportException(folder.resolve(SweepJournal.FILE) + ": cannot be read (" + e.getMessage() + ")", e);
        }
        List<JournalEntry> entries = SweepJournal.withTestImages(folder, journal.entries().values().stream()
                .sorted(Comparator.comparingInt(JournalEntry::index)).toList());
        String source = null;
        String name = name(folder);
        var parameters = new LinkedHashSet<String>();
        Path sweepFile = folder.resolve("sweep.json");
        if (Files.isRegularFile(sweepFile)) {
            try {
                source = Files.readString(sweepFile, StandardCharsets.UTF_8);
                var sweep = SweepFile.parse(source, name);
                name = sweep.name();
                sweep.parameters().stream().map(SweepParameter::name).forEach(parameters::add);
            } catch (IOException | RuntimeException e) {
                // an edited or newer sweep file: the journal still says what was swept
            }
        }
        entries.forEach(e -> parameters.addAll(e.point().keySet()));
        return new ReportSweep(name, folder, List.copyOf(parameters), entries, runsOf(folder, name, entries), source);
    }

    /** The records of the entries' runs, by point id, where they can be read. */
    private static Map<String, ReportRun> runsOf(Path folder, String sweep, List<JournalEntry> entries) {
        Map<String, ReportRun> runs = new LinkedHashMap<>();
        for (JournalEntry e : entries) {
            Path record = e.record() == null ? null : folder.resolve(e.record());
            if (record != null && Files.isRegularFile(record)) {
                try {
                    runs.put(e.id(), new ReportRun(e.id(), sweep, pointLabel(e.point()), record.getParent(),
                            RunRecordJson.read(record), pointLabel(e.configuration())));
                } catch (IOException | RuntimeException ex) {
                    // the journal line still gives the point's accuracy, size and OPs
                }
            }
        }
        return runs;
    }

    /** E.g. {@code clip=0.5, lr=0.001}, values written as results.csv writes them. */
    static String pointLabel(Map<String, Object> values) {
        if (values.isEmpty()) {
            return "base settings";
        }
        var text = new java.util.StringJoiner(", ");
        values.forEach((k, v) -> text.add(k + "=" + ResultsCsv.value(v)));
        return text.toString();
    }

    private static void checkFolder(Path folder) {
        if (!Files.exists(folder)) {
            throw new ReportException(folder + ": no such folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new ReportException(folder + ": not a folder (give a run folder with " + RunDirectory.RECORD
                    + ", a sweep folder with " + SweepJournal.FILE + " or a replication study's folder)");
        }
    }

    private static RunRecord record(Path file) {
        try {
            RunRecord record = RunRecordJson.read(file);
            if (!RunRecord.FORMAT.equals(record.format())) {
                throw new ReportException(file + ": not a run record (format '" + record.format() + "')");
            }
            return record;
        } catch (JacksonException e) {
            throw new ReportException(file + ": not a valid run record (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new ReportException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static String name(Path folder) {
        Path n = folder.toAbsolutePath().normalize().getFileName();
        return n == null ? folder.toString() : n.toString();
    }
}
