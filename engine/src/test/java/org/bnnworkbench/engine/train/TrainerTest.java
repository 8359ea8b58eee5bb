package org.bnnworkbench.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.engine.data.LabelledImages;
import org.bnnworkbench.engine.spec.Block;
import org.bnnworkbench.engine.spec.ClassifierBlock;
import org.bnnworkbench.engine.spec.DenseBlock;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.Precision;
import org.bnnworkbench.engine.spec.ShortcutBlock;
import org.bnnworkbench.engine.spec.BinaryConvBlock;
import org.bnnworkbench.engine.spec.StemBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    /** Images of 8x8 with a bright bar whose position is the class: easy to learn, fast to train. */
    static DatasetSplit bars(int train, int test) {
        return new DatasetSplit(barImages("train", train, 1), barImages("test", test, 2), "synthetic bars", null);
    }

    private static LabelledImages barImages(String name, int n, long seed) {
        Random rng = new Random(seed);
        int classes = 4;
        byte[] pixels = new byte[n * 64];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int label = rng.nextInt(classes);
            labels[i] = (byte) label;
            for (int p = 0; p < 64; p++) {
                int y = p / 8;
                int noise = rng.nextInt(60);
                int bar = y / 2 == label ? 180 : 0;
                pixels[i * 64 + p] = (byte) Math.min(255, bar + noise);
            }
        }
        return new LabelledImages(name, 1, 8, 8, List.of("0", "1", "2", "3"), pixels, labels);
    }

    static NetworkSpec tinyBnn() {
        List<Block> b = new ArrayList<>();
        b.add(new StemBlock("stem", List.of(NetworkSpec.INPUT), StemBlock.Type.SMALL, 8, true));
        b.add(new DenseBlock("dense", List.of("stem"), 8, 1));
        b.add(new BinaryConvBlock("conv", List.of("dense"), 16, 3, 1, 1, 1, true));
        b.add(new ShortcutBlock("add", List.of("conv", "dense"), ShortcutBlock.Downsample.IDENTITY, false));
        b.add(new ClassifierBlock("classifier", List.of("add"), 4, true, true));
        return new NetworkSpec("tiny", new InputShape(8, 8, 1), Precision.BINARY, b);
    }

    static TrainingConfig config(int epochs) {
        return TrainingConfig.defaults().withEpochs(epochs).withAugmentation(1, true);
    }

    private static TrainingConfig withBatch(TrainingConfig c, int batch, float lr) {
        return new TrainingConfig(c.epochs(), batch, lr, c.schedule(), c.optimizer(), c.momentum(), c.weightDecay(),
                c.estimator(), c.clip(), c.scaling(), c.padValue(), c.seed(), c.cropPadding(), c.flip(),
                c.trainLimit(), c.testLimit());
    }

    @Test
    void tinyBnnLearnsTheBars() {
        TrainingResult r = Trainer.forSpec(tinyBnn(), bars(512, 128), withBatch(config(3), 32, 3e-3f)).run();
        assertThat(r.status()).isEqualTo(TrainingResult.Status.COMPLETED);
        assertThat(r.history()).hasSize(3);
        assertThat(r.testTop1()).isGreaterThan(0.8);
        assertThat(r.history().get(2).trainLoss()).isLessThan(r.history().get(0).trainLoss());
        assertThat(r.confusion()).hasDimensions(4, 4);
        EpochMetrics last = r.history().get(2);
        assertThat(last.saturation()).isBetween(0.0, 1.0);
        assertThat(last.flipRatio()).isBetween(0.0, 1.0).isGreaterThan(0.0);
    }

    @Test
    void sameSeedGivesIdenticalNumbers() {
        TrainingConfig c = withBatch(config(2), 32, 3e-3f);
        TrainingResult a = Trainer.forSpec(tinyBnn(), bars(256, 64), c).run();
        TrainingResult b = Trainer.forSpec(tinyBnn(), bars(256, 64), c).run();
        for (int i = 0; i < 2; i++) {
            EpochMetrics x = a.history().get(i);
            EpochMetrics y = b.history().get(i);
            assertThat(y.trainLoss()).isEqualTo(x.trainLoss());
            assertThat(y.testLoss()).isEqualTo(x.testLoss());
            assertThat(y.testTop1()).isEqualTo(x.testTop1());
            assertThat(y.saturation()).isEqualTo(x.saturation());
            assertThat(y.flipRatio()).isEqualTo(x.flipRatio());
        }
        TrainingResult other = Trainer.forSpec(tinyBnn(), bars(256, 64), c.withSeed(7)).run();
        assertThat(other.history().get(1).trainLoss()).isNotEqualTo(a.history().get(1).trainLoss());
    }

    @Test
    void resumingFromACheckpointGivesTheUninterruptedResult(@TempDir Path dir) throws Exception {
        TrainingConfig three = withBatch(config(3), 32, 3e-3f);
        TrainingResult straight = Trainer.forSpec(tinyBnn(), bars(256, 64), three).run();

        Trainer first = Trainer.forSpec(tinyBnn(), bars(256, 64), three);
        Path file = dir.resolve("checkpoint.bin");
        first.checkpointTo(file);
        first.addListener(e -> {
            if (e instanceof TrainingEvent.Epoch ep && ep.metrics().epoch() == 2) {
                first.cancel(); // a "crash" after the second epoch's checkpoint
            }
        });
        assertThat(first.run().status()).isEqualTo(TrainingResult.Status.CANCELLED);

        Checkpoint checkpoint = Checkpoint.read(file);
        assertThat(checkpoint.epochsDone()).isEqualTo(2);
        checkpoint.checkCompatible(three);
        Trainer resumed = Trainer.forSpec(tinyBnn(), bars(256, 64), three);
        resumed.restore(checkpoint);
        TrainingResult r = resumed.run();
        assertThat(r.history()).hasSize(3);
        assertThat(r.history().get(2).trainLoss()).isEqualTo(straight.history().get(2).trainLoss());
        assertThat(r.history().get(2).testTop1()).isEqualTo(straight.history().get(2).testTop1());
        assertThat(r.testTop1()).isEqualTo(straight.testTop1());
    }

    @Test
    void checkpointOfOtherSettingsIsRefused(@TempDir Path dir) throws Exception {
        TrainingConfig c = withBatch(config(1), 32, 3e-3f);
        Trainer t = Trainer.forSpec(tinyBnn(), bars(64, 16), c);
        t.checkpointTo(dir.resolve("c.bin"));
        t.run();
        Checkpoint checkpoint = Checkpoint.read(dir.resolve("c.bin"));
        assertThatThrownBy(() -> checkpoint.checkCompatible(c.withSeed(99)))
                .hasMessageContaining("other settings");
    }

    @Test
    void cancelStopsAfterTheCurrentBatch() {
        Trainer t = Trainer.forSpec(tinyBnn(), bars(512, 64), withBatch(config(5), 16, 3e-3f));
        List<TrainingEvent> events = new ArrayList<>();
        t.addListener(e -> {
            events.add(e);
            if (e instanceof TrainingEvent.Batch b && b.batch() == 3) {
                t.cancel();
            }
        });
        TrainingResult r = t.run();
        assertThat(r.status()).isEqualTo(TrainingResult.Status.CANCELLED);
        assertThat(events.stream().filter(TrainingEvent.Batch.class::isInstance)).hasSize(3);
        assertThat(events.get(0)).isInstanceOf(TrainingEvent.Started.class);
        assertThat(events.get(events.size() - 1)).isInstanceOf(TrainingEvent.Finished.class);
    }

    @Test
    void divergenceStopsWithAClearMessage() {
        // an absurd learning rate on SGD makes the 32-bit weights explode
        TrainingConfig c = withBatch(config(3), 32, 1e6f);
        c = new TrainingConfig(c.epochs(), c.batchSize(), c.learningRate(), "constant", "sgd", 0.9f, 0f,
                c.estimator(), c.clip(), c.scaling(), c.padValue(), c.seed(), 0, false, 0, 0);
        TrainingResult r = Trainer.forSpec(tinyBnn(), bars(256, 64), c).run();
        assertThat(r.status()).isEqualTo(TrainingResult.Status.DIVERGED);
        assertThat(r.message()).contains("diverged").contains("loss is");
    }

    @Test
    void batchEventsReportProgressThroughputAndEta() {
        Trainer t = Trainer.forSpec(tinyBnn(), bars(128, 32), withBatch(config(2), 32, 3e-3f));
        List<TrainingEvent.Batch> batches = new ArrayList<>();
        t.addListener(e -> {
            if (e instanceof TrainingEvent.Batch b) {
                batches.add(b);
            }
        });
        t.run();
        assertThat(batches).hasSize(8);
        assertThat(batches.get(0).batches()).isEqualTo(4);
        assertThat(batches).allSatisfy(b -> assertThat(b.imagesPerSecond()).isPositive());
        assertThat(batches.get(batches.size() - 1).etaSeconds()).isLessThan(batches.get(0).etaSeconds());
    }

    @Test
    void fullPrecisionTwinTrainsToo() {
        TrainingResult r = Trainer.forSpec(tinyBnn().fullPrecisionTwin(), bars(512, 128), withBatch(config(2), 32, 3e-3f)).run();
        assertThat(r.testTop1()).isGreaterThan(0.8);
        assertThat(r.history().get(1).saturation()).isZero();
        assertThat(r.history().get(1).flipRatio()).isZero();
    }
}
