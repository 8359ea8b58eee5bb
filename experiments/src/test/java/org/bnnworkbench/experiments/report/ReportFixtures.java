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
import org.bnnworkbench.experiments.sweep.SweepFile;
import org.bnnworkbench.experiments.sweep.SweepPoint;

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

    /** The test images of every fixture run: 2000, as the embedded Fashion-MNIST subset has. */
    public static final int TEST_IMAGES = 2000;

    /** The accuracy a fixture run of a clip value and seed "reached". */
    @FunctionalInterface
    public interface Accuracy {
        double of(double clip, long seed);
    }

    /**
     * A sweep folder over clip values, each trained with every seed ({@code "seeds"}), as {@code bnn sweep} leaves it:
     * sweep.json, journal.jsonl (with test-image counts) and runs/<id>/run.json with a three-epoch history. The point
     * ids are those the sweep file gives, so {@code StudyFolder} finds them.
     */
    public static Path repeatedSweep(Path folder, String name, List<Double> clips, List<Long> seeds,
                                     Accuracy accuracy) throws IOException {
        Files.createDirectories(folder);
        String text = String.format(Locale.ROOT, """
                {"name": "%s", "base": {"arch": "bnn-small", "epochs": 3, "batch": 128, "seed": %d},
                 "grid": {"clip": %s}, "seeds": %s}
                """, name, seeds.get(0), clips, seeds);
        Files.writeString(folder.resolve("sweep.json"), text);
        var journal = new StringBuilder();
        for (SweepPoint point : SweepFile.parse(text, name).points()) {
            double clip = ((Number) point.jsonValues().get("clip")).doubleValue();
            double top1 = accuracy.of(clip, point.seed());
            RunRecord record = record("bnn-small", Map.of(), false, top1, point.settings().config(),
                    List.of(top1 - 0.06, top1 - 0.015, top1));
            Path run = folder.resolve("runs").resolve(point.id());
            Files.createDirectories(run);
            RunRecordJson.write(run.resolve("run.json"), record);
            var entry = new JournalEntry(point.id(), point.index(), point.jsonValues(), point.seed(),
                    RunStatus.COMPLETED, top1, record.cost().modelSizeBytes(), record.cost().ops(), 100.0,
                    "runs/" + point.id() + "/run.json", "2026-11-26T06:00:00Z", "completed 3 epochs", TEST_IMAGES);
            journal.append(JSON.writeValueAsString(entry)).append('\n');
        }
        Files.writeString(folder.resolve("journal.jsonl"), journal.toString(), StandardCharsets.UTF_8);
        return folder;
    }

    /** The clip study's accuracies by seed 42, 43, 44: 1.2 clearly above 1.0 on every seed, 1.3 within a point of it. */
    public static final Map<Double, double[]> STUDY_TOP1 = Map.of(1.0, new double[] {0.800, 0.810, 0.805},
            1.2, new double[] {0.830, 0.838, 0.833}, 1.3, new double[] {0.802, 0.815, 0.801});
    public static final List<Long> STUDY_SEEDS = List.of(42L, 43L, 44L);

    /**
     * A replication study's folder as {@code bnn replicate} leaves it: the sweep of {@link #repeatedSweep} over clip
     * 1.0, 1.2 and 1.3 with three seeds ({@link #STUDY_TOP1}) and its study.json with two claims: "1.2 and 1.3 beat
     * 1.0" (partly reproduced: 1.2 does, 1.3 cannot be told apart) and "1.3 gives no gain over 1.0" within 5 points
     * (reproduced).
     */
    public static Path clipStudy(Path folder, boolean quick) throws IOException {
        repeatedSweep(folder, "clip", List.of(1.0, 1.2, 1.3), STUDY_SEEDS,
                (clip, seed) -> STUDY_TOP1.get(clip)[(int) (seed - 42)]);
        Files.writeString(folder.resolve("study.json"), String.format(Locale.ROOT, """
                {"format": "bnn-workbench/study", "version": 1, "quick": %s, "name": "clip", "sweep": "clip.json",
                 "title": "Clip threshold of the sign's gradient",
                 "claims": [
                   {"id": "clip-1.2-1.3-beats-1.0", "statement": "A clip threshold of 1.2-1.3 beats 1.0.",
                    "published": "BMXNet 2 trains with 1.3.", "source": "BMXNet-v2 wiki", "kind": "better",
                    "comparisons": [{"a": {"clip": 1.2}, "b": {"clip": 1.0}}, {"a": {"clip": 1.3}, "b": {"clip": 1.0}}]},
                   {"id": "clip-1.3-no-gain", "statement": "1.3 gives nothing over 1.0.", "published": "nothing",
                    "source": "a <b>made-up</b> source", "kind": "no-gain", "margin": 0.05,
                    "comparisons": [{"a": {"clip": 1.3}, "b": {"clip": 1.0}}]}
                 ]}
                """, quick));
        return folder;
    }

    /** A run folder of bnn-small's full-precision twin with the sweep's base settings (clip 1.3 by default). */
    public static Path twinRun(Path folder) throws IOException {
        return twinRun(folder, TWIN_TOP1, config(1.3f));
    }

    /** A run folder of bnn-small's full-precision twin with these settings. */
    public static Path twinRun(Path folder, double top1, TrainingConfig config) throws IOException {
        Files.createDirectories(folder);
        RunRecordJson.write(folder.resolve("run.json"), record("bnn-small", Map.of(), true, top1, config));
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
        return config(clip, 2, 42);
    }

    /** The defaults with batch 128 and this clip threshold, epochs and seed ({@link #repeatedSweep}'s are 3). */
    public static TrainingConfig config(float clip, int epochs, long seed) {
        TrainingConfig d = TrainingConfig.defaults();
        return new TrainingConfig(epochs, 128, d.learningRate(), d.schedule(), d.optimizer(), d.momentum(),
                d.weightDecay(), d.estimator(), clip, d.scaling(), d.padValue(), seed, d.cropPadding(), d.flip(),
                d.trainLimit(), d.testLimit());
    }

    public static NetworkSpec spec(boolean fullPrecision) {
        NetworkSpec spec = Architectures.build("bnn-small", INPUT, 10);
        return fullPrecision ? spec.fullPrecisionTwin() : spec;
    }

    public static RunRecord record(String arch, Map<String, String> params, boolean fullPrecision, double top1,
                                   TrainingConfig config) {
        return record(arch, params, fullPrecision, top1, config, List.of(top1 - 0.02, top1));
    }

    /** A record whose history has these test top-1 values, one epoch each. */
    public static RunRecord record(String arch, Map<String, String> params, boolean fullPrecision, double top1,
                                   TrainingConfig config, List<Double> curve) {
        NetworkSpec spec = spec(fullPrecision);
        NetworkCost cost = CostModel.of(spec, CostConvention.BMXNET);
        var history = new java.util.ArrayList<EpochMetrics>();
        for (int e = 0; e < curve.size(); e++) {
            history.add(new EpochMetrics(e + 1, 0.9 - 0.1 * e, 0.7, 0.8, curve.get(e), 0.97, 0.1, 0.01, 50, 200,
                    0.002));
        }
        Instant start = Instant.parse("2026-11-26T06:00:00Z");
        return new RunRecord(RunRecord.FORMAT, RunRecord.VERSION, RunStatus.COMPLETED, "completed 2 epochs", arch,
                params, fullPrecision, new RunRecord.Dataset("fashion-mnist-subset", "embedded", 10000, 2000,
                "28x28x1", 10, "MIT"), config.asMap(), history, top1, history.size(), 0, 100, 200, cost.parameters(),
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
