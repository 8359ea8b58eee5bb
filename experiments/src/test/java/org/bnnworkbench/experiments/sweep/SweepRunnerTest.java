package org.bnnworkbench.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bnnworkbench.engine.data.DatasetCatalog;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.engine.train.TrainingEvent;
import org.bnnworkbench.experiments.run.LockFile;
import org.bnnworkbench.experiments.run.RunInUseException;
import org.bnnworkbench.experiments.run.RunRecordJson;
import org.bnnworkbench.experiments.run.RunStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real sweeps of tiny networks (16 features, 256 images, one epoch: about a second a point). */
class SweepRunnerTest {

    private static final String BASE = "\"base\": {\"arch\": \"bnn-small\", \"epochs\": 1, \"batch\": 64, "
            + "\"trainLimit\": 256, \"testLimit\": 128, \"params\": {\"growthRate\": 16, \"initFeatures\": 16}}";
    private static DatasetSplit data;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadTheDataOnce() {
        data = new DatasetCatalog().resolve("fashion-mnist-subset");
    }

    private static Sweep sweep(String rest) {
        return SweepFile.parse("{\"name\": \"test\", " + BASE + ", " + rest + "}", "test");
    }

    private static SweepRunner runner(Sweep sweep, Path folder) {
        return new SweepRunner(sweep, folder).datasets(name -> data);
    }

    @Test
    void aSweepRunsEveryPointKeepsEachRunAndTellsItsListeners() throws IOException {
        Sweep sweep = sweep("\"grid\": {\"clip\": [0.8, 1.3]}");
        List<SweepEvent> events = Collections.synchronizedList(new ArrayList<>());

        SweepResult result = runner(sweep, temp).parallel(2).addListener(events::add).run();

        assertThat(result.results()).hasSize(2).allSatisfy(e -> assertThat(e.status()).isEqualTo(RunStatus.COMPLETED));
        assertThat(result.ranNow()).isEqualTo(2);
        assertThat(result.isComplete()).isTrue();
        assertThat(result.highest()).isPresent();
        assertThat(events.get(0)).isInstanceOfSatisfying(SweepEvent.Started.class, s -> {
            assertThat(s.points()).hasSize(2);
            assertThat(s.toRun()).isEqualTo(2);
            assertThat(s.done()).isEmpty();
        });
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(SweepEvent.Finished.class,
                f -> assertThat(f.result()).isEqualTo(result));
        assertThat(events).filteredOn(SweepEvent.PointStarted.class::isInstance).hasSize(2);
        assertThat(events).filteredOn(e -> e instanceof SweepEvent.PointProgress p
                && p.event() instanceof TrainingEvent.Epoch).hasSize(2);
        assertThat(events).filteredOn(SweepEvent.PointFinished.class::isInstance).hasSize(2)
                .allSatisfy(e -> {
                    var f = (SweepEvent.PointFinished) e;
                    assertThat(f.record().status()).isEqualTo(RunStatus.COMPLETED);
                    assertThat(f.entry().testTop1()).isEqualTo(f.record().testTop1());
                    assertThat(f.entry().modelSizeBytes()).isEqualTo(f.record().cost().modelSizeBytes());
                });

        for (SweepPoint p : result.points()) {
            Path run = temp.resolve("runs").resolve(p.id());
            assertThat(run.resolve("run.json")).isRegularFile();
            assertThat(run.resolve("run.log")).content().contains("epoch 1/1:");
            assertThat(((Number) RunRecordJson.read(run.resolve("run.json")).config().get("clip")).floatValue())
                    .isEqualTo(p.settings().config().clip());
        }
        assertThat(temp.resolve("sweep.json")).hasContent(sweep.source());
        assertThat(Files.readAllLines(temp.resolve("journal.jsonl"))).hasSize(2);
    }

    @Test
    void resultsCsvHoldsOneRowPerRunWithEverySweptValueAndNoBestFromOneSeed() throws IOException {
        Sweep sweep = sweep("\"grid\": {\"clip\": [0.8, 1.3]}, \"random\": {\"samples\": 1, \"space\": "
                + "{\"lr\": {\"min\": 1e-3, \"max\": 1e-2, \"log\": true}}}");

        SweepResult result = runner(sweep, temp).run();

        List<String> lines = Files.readAllLines(temp.resolve("results.csv"));
        assertThat(lines.get(0)).isEqualTo("id,clip,lr,seed,status,testTop1,testImages,testSetError,modelSizeBytes,ops,"
                + "wallSeconds,best");
        assertThat(lines).hasSize(3);
        for (int i = 0; i < 2; i++) {
            String[] cells = lines.get(i + 1).split(",");
            JournalEntry entry = result.results().get(i);
            assertThat(cells).hasSize(12);
            assertThat(cells[0]).isEqualTo(result.points().get(i).id());
            assertThat(Double.parseDouble(cells[1])).isEqualTo(i == 0 ? 0.8 : 1.3);
            assertThat(Float.parseFloat(cells[2])).isEqualTo(result.points().get(i).settings().config().learningRate());
            assertThat(cells[3]).isEqualTo("42");
            assertThat(cells[4]).isEqualTo("completed");
            assertThat(Double.parseDouble(cells[5])).isEqualTo(entry.testTop1()).isBetween(0.0, 1.0);
            assertThat(Integer.parseInt(cells[6])).isEqualTo(entry.testImages()).isPositive();
            double p = entry.testTop1();
            assertThat(Double.parseDouble(cells[7])).isCloseTo(Math.sqrt(p * (1 - p) / entry.testImages()),
                    org.assertj.core.data.Offset.offset(1e-6));
            assertThat(Long.parseLong(cells[8])).isPositive();
            assertThat(Double.parseDouble(cells[9])).isPositive();
            assertThat(Double.parseDouble(cells[10])).isPositive();
            // one seed per configuration never makes a best: the seed alone moves accuracy
            assertThat(cells[11]).isEqualTo("false");
        }
    }

    @Test
    void repeatsWritePerSeedRunsASummaryAndAPairedComparison() throws IOException {
        Sweep sweep = sweep("\"grid\": {\"clip\": [0.8, 1.3]}, \"repeats\": 3");

        SweepResult result = runner(sweep, temp).run();

        assertThat(result.results()).hasSize(6).allSatisfy(e -> assertThat(e.status()).isEqualTo(RunStatus.COMPLETED));
        for (SweepPoint p : result.points()) {
            var record = RunRecordJson.read(temp.resolve("runs").resolve(p.id()).resolve("run.json"));
            assertThat(((Number) record.config().get("seed")).longValue()).isEqualTo(p.seed());
        }
        List<String> summary = Files.readAllLines(temp.resolve("summary.csv"));
        assertThat(summary.get(0)).isEqualTo("clip,n,seeds,notCompleted,mean,sd,ci95Low,ci95High,testImages,"
                + "testSetError,modelSizeBytes,ops,rank,best");
        assertThat(summary).hasSize(3);
        SweepSummary stats = result.summary();
        for (int c = 0; c < 2; c++) {
            String[] cells = summary.get(c + 1).split(",");
            var configuration = stats.configurations().get(c);
            double[] accuracies = result.results().stream().filter(e -> stats.configurationOf(e) == configuration)
                    .mapToDouble(JournalEntry::testTop1).toArray();
            assertThat(accuracies).hasSize(3);
            double mean = (accuracies[0] + accuracies[1] + accuracies[2]) / 3;
            assertThat(cells[0]).isEqualTo(c == 0 ? "0.8" : "1.3");
            assertThat(cells[1]).isEqualTo("3");
            assertThat(cells[2]).isEqualTo("42 43 44");
            assertThat(Double.parseDouble(cells[4])).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(Double.parseDouble(cells[6])).isLessThanOrEqualTo(mean);
            assertThat(Double.parseDouble(cells[7])).isGreaterThanOrEqualTo(mean);
            assertThat(cells[8]).isEqualTo("128");
        }
        List<String> comparisons = Files.readAllLines(temp.resolve("comparisons.csv"));
        assertThat(comparisons).hasSize(2);
        assertThat(comparisons.get(0)).isEqualTo("a,b,method,n,difference,ci95Low,ci95High,distinguishable");
        assertThat(comparisons.get(1)).startsWith("clip=0.8,clip=1.3,paired,3,");
    }

    @Test
    void twoConfigurationsThatDifferByANegligibleAmountAreNotDeclaredABest() throws IOException {
        SweepResult result = runner(sweep("\"grid\": {\"clip\": [1.3, 1.3001]}, \"repeats\": 3"), temp).run();

        SweepSummary summary = result.summary();
        assertThat(summary.configurations()).hasSize(2).allSatisfy(c -> assertThat(c.n()).isEqualTo(3));
        assertThat(summary.ranking().hasClearBest()).isFalse();
        assertThat(summary.ranking().verdict()).startsWith("no clear best at n = 3");
        assertThat(Files.readAllLines(temp.resolve("results.csv")).subList(1, 7)).allSatisfy(
                row -> assertThat(row).endsWith(",false"));
        assertThat(Files.readAllLines(temp.resolve("summary.csv")).subList(1, 3)).allSatisfy(
                row -> assertThat(row).endsWith(",false"));
        assertThat(Files.readAllLines(temp.resolve("comparisons.csv")).get(1)).endsWith(",false");
    }

    @Test
    void resumingARepeatedSweepTrainsOnlyTheMissingSeeds() throws IOException {
        runner(sweep("\"grid\": {\"clip\": [0.8, 1.3]}, \"repeats\": 2"), temp).run();
        List<String> before = Files.readAllLines(temp.resolve("journal.jsonl"));

        SweepResult more = runner(sweep("\"grid\": {\"clip\": [0.8, 1.3]}, \"repeats\": 3"), temp).run();

        assertThat(more.ranNow()).as("only seed 44 of each configuration").isEqualTo(2);
        List<String> after = Files.readAllLines(temp.resolve("journal.jsonl"));
        assertThat(after).hasSize(6);
        assertThat(after.subList(0, 4)).isEqualTo(before);
        assertThat(more.summary().configurations()).allSatisfy(c -> assertThat(c.n()).isEqualTo(3));
    }

    @Test
    void runningAgainKeepsFinishedRunsAndTrainsOnlyNewPoints() throws IOException {
        runner(sweep("\"grid\": {\"clip\": [0.8]}"), temp).run();
        SweepPoint first = sweep("\"grid\": {\"clip\": [0.8]}").points().get(0);
        byte[] firstRecord = Files.readAllBytes(temp.resolve("runs").resolve(first.id()).resolve("run.json"));
        String firstLine = Files.readAllLines(temp.resolve("journal.jsonl")).get(0);

        SweepResult grown = runner(sweep("\"grid\": {\"clip\": [0.8, 1.3]}"), temp).run();
        SweepResult again = runner(sweep("\"grid\": {\"clip\": [0.8, 1.3]}"), temp).run();

        assertThat(grown.points().get(0).id()).isEqualTo(first.id());
        assertThat(grown.ranNow()).isEqualTo(1);
        assertThat(grown.results()).hasSize(2);
        assertThat(again.ranNow()).isZero();
        assertThat(again.results()).isEqualTo(grown.results());
        assertThat(Files.readAllBytes(temp.resolve("runs").resolve(first.id()).resolve("run.json")))
                .isEqualTo(firstRecord);
        assertThat(Files.readAllLines(temp.resolve("journal.jsonl"))).hasSize(2).first().isEqualTo(firstLine);
    }

    @Test
    void aRunWhoseJournalLineWasLostIsTakenFromItsRecordNotTrainedAgain() throws IOException {
        Sweep sweep = sweep("\"grid\": {\"clip\": [0.8]}");
        SweepResult before = runner(sweep, temp).run();
        Files.delete(temp.resolve("journal.jsonl"));
        List<SweepEvent> events = Collections.synchronizedList(new ArrayList<>());

        SweepResult after = runner(sweep, temp).addListener(events::add).run();

        assertThat(after.ranNow()).isZero();
        assertThat(events).noneMatch(SweepEvent.PointStarted.class::isInstance);
        assertThat(after.results()).isEqualTo(before.results());
    }

    @Test
    void cancelStopsTheRunningPointWhichTrainsAgainNextTime() throws IOException {
        Sweep sweep = sweep("\"grid\": {\"clip\": [0.8, 1.3]}");
        SweepRunner runner = runner(sweep, temp);
        List<SweepEvent> events = Collections.synchronizedList(new ArrayList<>());
        runner.addListener(events::add);
        runner.addListener(e -> {
            if (e instanceof SweepEvent.PointProgress p && p.event() instanceof TrainingEvent.Batch) {
                runner.cancel();
            }
        });

        SweepResult cancelled = runner.run();

        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.results()).isEmpty();
        assertThat(cancelled.notRun()).isEqualTo(2);
        assertThat(events).filteredOn(SweepEvent.PointStarted.class::isInstance).hasSize(1);
        assertThat(events).filteredOn(SweepEvent.PointFinished.class::isInstance).singleElement()
                .satisfies(e -> {
                    assertThat(((SweepEvent.PointFinished) e).entry()).isNull();
                    assertThat(((SweepEvent.PointFinished) e).record().status()).isEqualTo(RunStatus.CANCELLED);
                });
        assertThat(temp.resolve("journal.jsonl")).isEmptyFile();

        SweepResult resumed = runner(sweep, temp).run();

        assertThat(resumed.ranNow()).isEqualTo(2);
        assertThat(resumed.results()).extracting(JournalEntry::status).containsOnly(RunStatus.COMPLETED);
    }

    @Test
    void cancellingOnePointStopsItOrKeepsItFromStartingAndTheOthersTrain() throws IOException {
        Sweep sweep = sweep("\"grid\": {\"clip\": [0.8, 1.0, 1.3]}");
        SweepRunner runner = runner(sweep, temp).parallel(1);
        List<SweepPoint> points = sweep.points();
        List<SweepEvent> events = Collections.synchronizedList(new ArrayList<>());
        runner.addListener(events::add);
        runner.addListener(e -> {
            if (e instanceof SweepEvent.PointStarted s && s.point().index() == 0) {
                runner.cancel(points.get(2).id()); // still waiting
            }
            if (e instanceof SweepEvent.PointProgress p && p.point().index() == 0
                    && p.event() instanceof TrainingEvent.Batch) {
                runner.cancel(points.get(0).id()); // running
            }
        });

        SweepResult result = runner.run();

        assertThat(result.cancelled()).isFalse();
        assertThat(result.results()).extracting(JournalEntry::id).containsExactly(points.get(1).id());
        assertThat(result.notRun()).isEqualTo(2);
        assertThat(events).filteredOn(SweepEvent.PointFinished.class::isInstance).hasSize(3)
                .allSatisfy(e -> {
                    var f = (SweepEvent.PointFinished) e;
                    assertThat(f.entry() == null).isEqualTo(f.point().index() != 1);
                });
        assertThat(events).filteredOn(SweepEvent.PointStarted.class::isInstance).hasSize(2);
    }

    @Test
    void noNewPointStartsOnceTheTimeBudgetIsSpent() throws IOException {
        Sweep sweep = sweep("\"random\": {\"samples\": 3, \"seconds\": 0.5, \"space\": {\"clip\": [0.8, 1.0, 1.3]}}");

        SweepResult result = runner(sweep, temp).addListener(e -> {
            if (e instanceof SweepEvent.PointStarted) {
                sleep(700); // the point takes longer than the whole budget
            }
        }).run();

        assertThat(result.outOfTime()).isTrue();
        assertThat(result.ranNow()).isEqualTo(1);
        assertThat(result.notRun()).isEqualTo(2);
        assertThat(result.cancelled()).isFalse();
    }

    @Test
    void aPointWhoseNetworkCannotBeBuiltStopsTheSweepBeforeAnyFileIsWritten() {
        Path folder = temp.resolve("sweep");
        Sweep sweep = sweep("\"grid\": {\"blocks\": [[2, 0], [2, 2, 2]]}");

        assertThatThrownBy(() -> runner(sweep, folder).run()).isInstanceOf(SweepFileException.class)
                .hasMessageStartingWith("point 1 (blocks=2,2,2): bnn-small cannot be built");
        assertThat(folder).doesNotExist();
    }

    @Test
    void twoSweepsNeverShareAFolder() throws IOException {
        try (var held = LockFile.tryAcquire(temp.resolve(SweepRunner.LOCK)).orElseThrow()) {
            assertThatThrownBy(() -> runner(sweep("\"grid\": {\"clip\": [1.0]}"), temp).run())
                    .isInstanceOf(RunInUseException.class).hasMessageContaining("another sweep");
        }
        assertThat(temp.resolve("journal.jsonl")).doesNotExist();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
