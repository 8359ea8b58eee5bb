package org.bnnworkbench.experiments.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.engine.train.EpochMetrics;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.engine.train.TrainingEvent;
import org.bnnworkbench.experiments.run.LockFile;
import org.bnnworkbench.experiments.run.RunDirectory;
import org.bnnworkbench.experiments.run.RunInUseException;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunSettings;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.run.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

    /** A network of 16 features on 256 images: a second an epoch. */
    private static final RunSettings TINY = RunSettings.defaults().withParam("growthRate", "16")
            .withParam("initFeatures", "16").withConfig(TrainingConfig.defaults().withLimits(256, 128)
                    .withEpochs(2).withSeed(5));

    @TempDir
    Path temp;

    private static RunRecord record(RunStatus status) {
        var epoch = new EpochMetrics(1, 1.5, 0.4, 1.25, 0.5, 0.9, 0.15, 0.004, 3.5, 140.0, 1e-3);
        return new RunRecord(RunRecord.FORMAT, RunRecord.VERSION, status, "finished epoch 1", "bnn-small",
                Map.of("growthRate", "16"), false,
                new RunRecord.Dataset("fashion-mnist-subset", "classpath:/x/", 128, 64, "28x28x1", 10, null),
                TrainingConfig.defaults().asMap(), List.of(epoch), 0.5, 1, 0, 4.0, 140.0, 1234,
                new RunRecord.Cost("bmxnet", 1000, 234, 1061, 0.001061, 0.001, 500, 64000, 1500), new int[0][0],
                RunRecord.Environment.current(), Instant.parse("2026-01-02T03:04:05Z"), null, null);
    }

    @Test
    void aRunningRecordWhoseProcessIsGoneShowsAsInterruptedAndALiveOneAsRunning() throws IOException {
        var store = new RunStore(temp);
        RunDirectory directory = store.directory("r1");
        Files.createDirectories(directory.path());
        directory.write(record(RunStatus.RUNNING));

        assertThat(store.list()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.INTERRUPTED));

        try (LockFile held = LockFile.tryAcquire(directory.lockFile()).orElseThrow()) {
            assertThat(store.find("r1").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
            assertThatThrownBy(() -> store.delete("r1")).isInstanceOf(RunInUseException.class);
        }
        assertThat(store.find("r1").orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
    }

    @Test
    void aSummaryHoldsEveryConfigValueTheOverridesAndTheCost() throws IOException {
        var store = new RunStore(temp);
        Files.createDirectories(store.directory("r1").path());
        store.directory("r1").write(record(RunStatus.COMPLETED));
        Files.createDirectories(temp.resolve("stray-folder"));

        RunSummary summary = store.list().get(0);

        assertThat(store.list()).hasSize(1);
        assertThat(summary.id()).isEqualTo("r1");
        assertThat(summary.value("clip")).as("as JSON gives it back").isEqualTo(1.3);
        assertThat(summary.value("growthRate")).isEqualTo("16");
        assertThat(summary.value("size")).isEqualTo(1061L);
        assertThat(summary.value("ops")).isEqualTo(1500.0);
        assertThat(summary.values().keySet()).startsWith(RunSummary.FIELDS.toArray(String[]::new))
                .containsAll(TrainingConfig.defaults().asMap().keySet()).contains("growthRate");
    }

    @Test
    void aNewRunGetsAFreshIdAndRecordsItsSpecCostAndLog() throws IOException {
        var store = new RunStore(temp);

        TrainingRun run = store.create(TINY.withConfig(TINY.config().withEpochs(1)));
        RunRecord record = run.run();

        String id = run.directory().path().getFileName().toString();
        assertThat(id).matches("\\d{8}-\\d{6}-bnn-small");
        assertThat(record.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(record.params()).containsEntry("growthRate", "16");
        assertThat(record.spec().get("format").asText()).isEqualTo("bnn-workbench/network");
        assertThat(record.cost().modelSizeBytes()).isPositive();
        assertThat(run.directory().checkpointFile()).isRegularFile();
        assertThat(store.list()).extracting(RunSummary::id).containsExactly(id);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void aStoppedRunResumesFromItsCheckpointAndEndsWithAllItsEpochs() throws IOException {
        var store = new RunStore(temp);
        TrainingRun first = store.create(TINY);
        first.addListener(e -> {
            if (e instanceof TrainingEvent.Epoch) {
                first.cancel(); // stops in epoch 2, after epoch 1's checkpoint
            }
        });
        assertThat(first.run().status()).isEqualTo(RunStatus.CANCELLED);
        String id = first.directory().path().getFileName().toString();
        assertThat(store.find(id).orElseThrow().resumable()).isTrue();
        assertThat(store.canResume(id)).isTrue();

        RunRecord resumed = store.resume(id).run();

        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(resumed.resumedFromEpoch()).isEqualTo(1);
        assertThat(resumed.history()).hasSize(2);
        assertThat(resumed.params()).containsEntry("growthRate", "16");
        assertThat(store.canResume(id)).isFalse();
        assertThatThrownBy(() -> store.resume(id)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has completed");
        assertThat(Files.readString(first.directory().logFile())).contains("cancelled: ").contains("completed: ");
    }

    @Test
    void aRunThatIsTrainingCannotBeTrainedTwice() throws IOException {
        var store = new RunStore(temp);
        TrainingRun run = store.create(TINY);

        try (LockFile held = LockFile.tryAcquire(run.directory().lockFile()).orElseThrow()) {
            assertThatThrownBy(run::run).isInstanceOf(RunInUseException.class);
        }
        assertThat(run.directory().recordFile()).doesNotExist();
    }

    @Test
    void anIdIsOneFolderName() {
        var store = new RunStore(temp);

        assertThatThrownBy(() -> store.directory("../elsewhere")).isInstanceOf(IllegalArgumentException.class);
        assertThat(RunStore.defaultFolder().endsWith(Path.of(".bnn-workbench", "runs"))).isTrue();
    }

    @Test
    void aRunOfAGivenNetworkGetsAFreshIdAndCanBePausedAndResumed() throws Exception {
        var store = new RunStore(temp);
        var data = new org.bnnworkbench.engine.data.DatasetCatalog().resolve("fashion-mnist-subset");
        var spec = TINY.spec(new org.bnnworkbench.engine.spec.InputShape(28, 28, 1), 10);
        TrainingRun run = store.create(TINY.withConfig(TINY.config().withEpochs(1)), spec, data);
        var pausedAt = new java.util.concurrent.atomic.AtomicInteger(-1);
        run.addListener(e -> {
            if (e instanceof TrainingEvent.Batch b && b.batch() == 1) {
                run.pause();
                pausedAt.set(b.batch());
                new Thread(() -> {
                    sleepQuietly(300);
                    assertThat(run.isPaused()).isTrue();
                    run.resume();
                }).start();
            }
        });

        RunRecord record = run.run();

        assertThat(record.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(pausedAt.get()).isEqualTo(1);
        assertThat(run.isPaused()).isFalse();
        assertThat(store.list()).singleElement().satisfies(r -> {
            assertThat(r.id()).endsWith("-bnn-small");
            assertThat(r.folder()).isEqualTo(run.directory().path());
        });
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
