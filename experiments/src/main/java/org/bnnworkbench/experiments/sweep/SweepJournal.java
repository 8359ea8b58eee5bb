package org.bnnworkbench.experiments.sweep;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunRecordJson;
import org.bnnworkbench.experiments.run.RunStatus;

/**
 * A sweep's {@code journal.jsonl}: one JSON line per ended run, appended and forced to disk before the next point
 * counts as done, never rewritten. A crash can leave only the last line half-written (one write per line); reading
 * ignores a last line without its newline, and {@link #open} cuts it off so that the next line starts clean. A
 * complete line that does not parse (edited by hand) is ignored and counted, not fatal.
 */
public final class SweepJournal implements Closeable {

    public static final String FILE = "journal.jsonl";
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * What a journal holds.
     *
     * @param entries      by id, in the order written; for an id written twice, the first
     * @param ignoredLines complete lines that did not parse, and a half-written last line
     * @param validLength  the bytes up to the end of the last complete line
     */
    public record Contents(Map<String, JournalEntry> entries, int ignoredLines, boolean halfWrittenTail,
                           long validLength) {
    }

    private final FileChannel channel;
    private final Contents contents;

    private SweepJournal(FileChannel channel, Contents contents) {
        this.channel = channel;
        this.contents = contents;
    }

    /** Reads a journal without changing it; a missing file is an empty journal. */
    public static Contents read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Contents(Map.of(), 0, false, 0);
        }
        byte[] bytes = Files.readAllBytes(file);
        var entries = new LinkedHashMap<String, JournalEntry>();
        int ignored = 0;
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                String line = new String(bytes, start, i - start, StandardCharsets.UTF_8).strip();
                start = i + 1;
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    JournalEntry entry = MAPPER.readValue(line, JournalEntry.class);
                    if (entry.id() == null || entry.status() == null) {
                        ignored++;
                    } else {
                        entries.putIfAbsent(entry.id(), entry);
                    }
                } catch (IOException | RuntimeException e) {
                    ignored++;
                }
            }
        }
        boolean tail = start < bytes.length;
        return new Contents(entries, ignored + (tail ? 1 : 0), tail, start);
    }

    /** Opens the journal for appending, first cutting off a half-written last line. */
    public static SweepJournal open(Path file) throws IOException {
        Contents contents = read(file);
        if (contents.halfWrittenTail()) {
            try (FileChannel truncating = FileChannel.open(file, StandardOpenOption.WRITE)) {
                truncating.truncate(contents.validLength());
                truncating.force(true);
            }
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        return new SweepJournal(channel, contents);
    }

    /** What the journal held when opened. */
    public Contents contents() {
        return contents;
    }

    /** Appends one line and forces it to disk: once this returns, the entry survives a crash or power cut. */
    public synchronized void append(JournalEntry entry) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((line(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            channel.write(line);
        }
        channel.force(true);
    }

    static String line(JournalEntry entry) {
        try {
            return MAPPER.writeValueAsString(entry);
        } catch (IOException e) {
            throw new IllegalStateException("a journal entry is plain data", e);
        }
    }

    /** The entries of these points, in the points' order. */
    static List<JournalEntry> inOrder(Map<String, JournalEntry> entries, List<SweepPoint> points) {
        var ordered = new ArrayList<JournalEntry>();
        for (SweepPoint p : points) {
            JournalEntry e = entries.get(p.id());
            if (e != null) {
                ordered.add(e);
            }
        }
        return ordered;
    }

    /**
     * The entries with the number of test images filled in from their run records where the journal line predates
     * that field (left null where the record cannot be read), so that each run's test-set error can be given.
     *
     * @param folder the sweep's folder, which entries' {@code record} paths are relative to
     */
    public static List<JournalEntry> withTestImages(Path folder, List<JournalEntry> entries) {
        var filled = new ArrayList<JournalEntry>(entries.size());
        for (JournalEntry e : entries) {
            if (e.testImages() != null || e.record() == null || e.status() != RunStatus.COMPLETED) {
                filled.add(e);
                continue;
            }
            try {
                Path record = folder.resolve(e.record()).normalize();
                if (!record.startsWith(folder.normalize())) {
                    filled.add(e); // a hand-edited path that leaves the folder is not followed
                    continue;
                }
                RunRecord run = RunRecordJson.read(record);
                filled.add(run.dataset() == null ? e : e.withTestImages(run.dataset().testImages()));
            } catch (IOException | RuntimeException ex) {
                filled.add(e);
            }
        }
        return filled;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
