package org.bnnworkbench.experiments.sweep;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunStatus;

/**
 * One line of a sweep's {@code journal.jsonl}: a point whose run has ended (completed, diverged or failed) and what it
 * gave. A point with a line is never run again.
 *
 * @param point          the swept values, by parameter name
 * @param seed           the run's training seed
 * @param modelSizeBytes null if the network could not be costed
 * @param ops            OPs under BMXNet's counting; null like {@code modelSizeBytes}
 * @param record         the run's record, relative to the sweep's folder, e.g. {@code runs/p000-1a2b3c4d/run.json}
 * @param message        how it ended, e.g. {@code completed 1 epochs}
 * @param testImages     the test images its test top-1 was measured on, for the test-set sampling error; null in
 *                       journals written before it was kept (then the run's record tells)
 */
@JsonPropertyOrder({"id", "index", "point", "seed", "status", "testTop1", "testImages", "modelSizeBytes", "ops",
        "wallSeconds", "record", "finishedAt", "message"})
public record JournalEntry(String id, int index, Map<String, Object> point, long seed, RunStatus status,
                           double testTop1, Long modelSizeBytes, Double ops, double wallSeconds, String record,
                           String finishedAt, String message, Integer testImages) {

    public JournalEntry {
        point = Collections.unmodifiableMap(new LinkedHashMap<>(point == null ? Map.of() : point));
    }

    /** An entry without the number of test images, as journals before it held them. */
    public JournalEntry(String id, int index, Map<String, Object> point, long seed, RunStatus status,
                        double testTop1, Long modelSizeBytes, Double ops, double wallSeconds, String record,
                        String finishedAt, String message) {
        this(id, index, point, seed, status, testTop1, modelSizeBytes, ops, wallSeconds, record, finishedAt, message,
                null);
    }

    static JournalEntry of(SweepPoint point, RunRecord run, String recordPath) {
        RunRecord.Cost cost = run.cost();
        return new JournalEntry(point.id(), point.index(), point.jsonValues(), point.seed(),
                run.status(), run.testTop1(), cost == null ? null : cost.modelSizeBytes(),
                cost == null ? null : cost.ops(), run.wallSeconds(), recordPath,
                run.finishedAt() == null ? null : run.finishedAt().toString(), run.message(),
                run.dataset() == null ? null : run.dataset().testImages());
    }

    /** A point whose run could not even start, e.g. its network does not fit in memory. */
    static JournalEntry failed(SweepPoint point, String recordPath, String message) {
        return new JournalEntry(point.id(), point.index(), point.jsonValues(), point.seed(),
                RunStatus.FAILED, 0, null, null, 0, recordPath, null, message, null);
    }

    /** The same entry with the number of test images filled in. */
    public JournalEntry withTestImages(Integer images) {
        return new JournalEntry(id, index, point, seed, status, testTop1, modelSizeBytes, ops, wallSeconds, record,
                finishedAt, message, images);
    }

    /**
     * The values that make the configuration this run is a seed of: the swept values without the seed (a sweep
     * that sweeps {@code seed} in its grid repeats a configuration as {@code repeats} does).
     */
    public Map<String, Object> configuration() {
        var values = new LinkedHashMap<>(point);
        values.remove("seed");
        return values;
    }
}
