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
import org.bnnworkbench.experiments.run.RunDirectory;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunRecordJson;
import org.bnnworkbench.experiments.sweep.JournalEntry;
import org.bnnworkbench.experiments.sweep.SweepFile;
import org.bnnworkbench.experiments.sweep.SweepJournal;
import org.bnnworkbench.experiments.sweep.SweepParameter;

/**
 * Reads the folders a report is made of: a run folder holds {@code run.json}, a sweep folder {@code journal.jsonl}
 * (with {@code sweep.json} and {@code runs/<id>/run.json} beside it, as {@code bnn sweep} leaves them). Anything else
 * is refused with a one-line {@link ReportException} naming the folder.
 */
public final class ReportInputs {

    /** What the given folders held: the runs given on their own and the sweeps. */
    public record Contents(List<ReportRun> runs, List<ReportSweep> sweeps) {

        public Contents {
            runs = List.copyOf(runs);
            sweeps = List.copyOf(sweeps);
        }

        /** Every run: those given on their own, then each sweep's in point order. */
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
            return all;
        }
    }

    private ReportInputs() {
    }

    public static Contents read(List<Path> folders) {
        var runs = new ArrayList<ReportRun>();
        var sweeps = new ArrayList<ReportSweep>();
        for (Path folder : new LinkedHashSet<>(folders)) {
            if (isSweep(folder)) {
                sweeps.add(readSweep(folder));
            } else {
                runs.add(readRun(folder));
            }
        }
        return new Contents(runs, sweeps);
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
                    + SweepJournal.FILE + ")");
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
        List<JournalEntry> entries = journal.entries().values().stream()
                .sorted(Comparator.comparingInt(JournalEntry::index)).toList();
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
        Map<String, ReportRun> runs = new LinkedHashMap<>();
        for (JournalEntry e : entries) {
            Path record = e.record() == null ? null : folder.resolve(e.record());
            if (record != null && Files.isRegularFile(record)) {
                try {
                    runs.put(e.id(), new ReportRun(e.id(), name, pointLabel(e), record.getParent(),
                            RunRecordJson.read(record)));
                } catch (IOException | RuntimeException ex) {
                    // the journal line still gives the point's accuracy, size and OPs
                }
            }
        }
        return new ReportSweep(name, folder, List.copyOf(parameters), entries, runs, source);
    }

    /** E.g. {@code clip=0.5, lr=0.001}. */
    static String pointLabel(JournalEntry e) {
        if (e.point().isEmpty()) {
            return "base settings";
        }
        var text = new java.util.StringJoiner(", ");
        e.point().forEach((k, v) -> text.add(k + "=" + v));
        return text.toString();
    }

    private static void checkFolder(Path folder) {
        if (!Files.exists(folder)) {
            throw new ReportException(folder + ": no such folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new ReportException(folder + ": not a folder (give a run folder with " + RunDirectory.RECORD
                    + " or a sweep folder with " + SweepJournal.FILE + ")");
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
