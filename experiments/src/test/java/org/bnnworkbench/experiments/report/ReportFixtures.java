package org.bnnworkbench.experiments.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.cost.NetworkCost;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecJson;
import org.bnnworkbench.engine.train.EpochMetrics;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunRecordJson;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.sweep.JournalEntry;

/**
 * Run and sweep folders as {@code bnn train} and {@code bnn sweep} leave them, written without training: the records
 * carry real specs and costs of bnn-small on 28x28x1, and made-up accuracies the tests then look for.
 */
public final class ReportFixtures {

    /** The clip values of the fixture sweep and the test top-1 each point "reached". */
    public static final Map<Double, Double> CLIP_TOP1 = orderedMap(0.5, 0.8125, 1.0, 0.8340, 1.3, 0.8415);
    public static final double TWIN_TOP1 = 0.8710;
    public static final InputShape INPUT = new InputShape(28, 28, 1);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportFixtures() {
    }

    /** A sweep folder of three clip values with sweep.json, journal.jsonl and runs/<id>/run.json. */
    public static Path clipSweep(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("sweep.json"), """
                {"name": "clip", "base": {"arch": "bnn-small", "epochs": 2, "batch": 128, "seed": 42},
                 "grid": {"clip": [0.5, 1.0, 1.3]}}
                """);
        var journal = new StringBuilder();
        int index = 0;
        for (Map.Entry<Double, Double> point : CLIP_TOP1.entrySet()) {
            String id = String.format(Locale.ROOT, "p%03d-0000000%d", index, index);
            TrainingConfig config = config(point.getKey().floatValue());
            RunRecord record = record("bnn-small", Map.of(), false, point.getValue(), config);
            Path run = folder.resolve("runs").resolve(id);
            Files.createDirectories(run);
            RunRecordJson.write(run.resolve("run.json"), record);
            var entry = new JournalEntry(id, index, Map.of("clip", point.getKey()), 42, RunStatus.COMPLETED,
                    point.getValue(), record.cost().modelSizeBytes(), record.cost().ops(), 100.0,
                    "runs/" + id + "/run.json", "2026-11-26T06:00:00Z", "completed 2 epochs");
            journal.append(JSON.writeValueAsString(entry)).append('\n');
            index++;
        }
        Files.writeString(folder.resolve("journal.jsonl"), journal.toString(), StandardCharsets.UTF_8);
        return folder;
    }

    /** A run folder of bnn-small's full-precision twin with the sweep's base settings (clip 1.3 by default). */
    public static Path twinRun(Path folder) throws IOException {
        Files.createDirectories(folder);
        RunRecordJson.write(folder.resolve("run.json"), record("bnn-small", Map.of(), true, TWIN_TOP1, config(1.3f)));
        return folder;
    }

    /** A run folder whose architecture name and overrides are markup, as a careless or hostile file could have. */
    public static Path hostileRun(Path folder) throws IOException {
        Files.createDirectories(folder);
        RunRecord plain = record("bnn-small", Map.of(), false, 0.5, config(1.3f));
        NetworkSpec spec = SpecJson.fromTree(plain.spec()).withName("<script>alert(1)</script>");
        RunRecord hostile = new RunRecord(plain.format(), plain.version(), plain.status(),
                "<img src=x onerror=alert(2)>", "<script>alert(1)</script>", Map.of("note", "<b>bold</b>"), false,
                plain.dataset(), plain.config(), plain.history(), plain.testTop1(), plain.epochs(), 0,
                plain.wallSeconds(), plain.imagesPerSecond(), plain.parameters(), plain.cost(), plain.confusion(),
                plain.environment(), plain.startedAt(), plain.finishedAt(), SpecJson.toTree(spec));
        RunRecordJson.write(folder.resolve("run.json"), hostile);
        return folder;
    }

    public static TrainingConfig config(float clip) {
        TrainingConfig d = TrainingConfig.defaults();
        return new TrainingConfig(2, 128, d.learningRate(), d.schedule(), d.optimizer(), d.momentum(),
                d.weightDecay(), d.estimator(), clip, d.scaling(), d.padValue(), 42, d.cropPadding(), d.flip(),
                d.trainLimit(), d.testLimit());
    }

    public static NetworkSpec spec(boolean fullPrecision) {
        NetworkSpec spec = Architectures.build("bnn-small", INPUT, 10);
        return fullPrecision ? spec.fullPrecisionTwin() : spec;
    }

    public static RunRecord record(String arch, Map<String, String> params, boolean fullPrecision, double top1,
                                   TrainingConfig config) {
        NetworkSpec spec = spec(fullPrecision);
        NetworkCost cost = CostModel.of(spec, CostConvention.BMXNET);
        var history = List.of(new EpochMetrics(1, 0.9, 0.7, 0.8, top1 - 0.02, 0.97, 0.1, 0.01, 50, 200, 0.002),
                new EpochMetrics(2, 0.6, 0.8, 0.5, top1, 0.99, 0.1, 0.01, 50, 200, 0.0));
        Instant start = Instant.parse("2026-11-26T06:00:00Z");
        return new RunRecord(RunRecord.FORMAT, RunRecord.VERSION, RunStatus.COMPLETED, "completed 2 epochs", arch,
                params, fullPrecision, new RunRecord.Dataset("fashion-mnist-subset", "embedded", 10000, 2000,
                "28x28x1", 10, "MIT"), config.asMap(), history, top1, 2, 0, 100, 200, cost.parameters(),
                RunRecord.Cost.of(cost), new int[0][0], RunRecord.Environment.current("test"), start,
                start.plusSeconds(100), SpecJson.toTree(spec));
    }

    private static Map<Double, Double> orderedMap(double... keysAndValues) {
        var map = new LinkedHashMap<Double, Double>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
