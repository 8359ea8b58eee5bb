package org.bnnworkbench.engine.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.engine.data.FashionMnistSubset;
import org.bnnworkbench.engine.graph.Network;
import org.bnnworkbench.engine.nn.SoftmaxCrossEntropy;
import org.bnnworkbench.engine.optim.Optimizer;
import org.bnnworkbench.engine.spec.BinaryConvBlock;
import org.bnnworkbench.engine.spec.ClassifierBlock;
import org.bnnworkbench.engine.spec.ConvBlock;
import org.bnnworkbench.engine.spec.DenseBlock;
import org.bnnworkbench.engine.spec.ImprovementBlock;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.NormBlock;
import org.bnnworkbench.engine.spec.PoolBlock;
import org.bnnworkbench.engine.spec.Precision;
import org.bnnworkbench.engine.spec.ShortcutBlock;
import org.bnnworkbench.engine.spec.SpecCompiler;
import org.bnnworkbench.engine.spec.StemBlock;
import org.bnnworkbench.engine.spec.TransitionBlock;
import org.bnnworkbench.engine.tensor.Tensor;
import org.bnnworkbench.engine.train.Trainer;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.engine.train.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exported model (weights as bits, BatchNorm + sign as thresholds, file written and read back) predicts
 * what the training engine predicts, and its file is the cost model's size within 1%.
 */
class PackedModelTest {

    @TempDir
    Path dir;

    private static List<String> from(String... ids) {
        return List.of(ids);
    }

    /** A bnn-small-like network for 28x28 images: dense blocks, a 32-bit transition, residual binary convs. */
    static NetworkSpec smallBnn() {
        return new NetworkSpec("small-bnn", new InputShape(28, 28, 1), Precision.BINARY, List.of(
                new StemBlock("stem", from(NetworkSpec.INPUT), StemBlock.Type.SMALL, 32, true),
                new PoolBlock("pool", from("stem"), true, 2, 2, 0),
                new DenseBlock("d1", from("pool"), 32, 1),
                new DenseBlock("d2", from("d1"), 32, 1),
                new TransitionBlock("t1", from("d2"), 64, TransitionBlock.Pooling.MAX, 1, 0),
                new BinaryConvBlock("r1", from("t1"), 64, 3, 1, 1, 1, true),
                new ShortcutBlock("a1", from("r1", "t1"), ShortcutBlock.Downsample.IDENTITY, false),
                new ClassifierBlock("classifier", from("a1"), 10, true, true)));
    }

    /** Every block kind, strides, dilation, groups, a binary down-sampling shortcut, on 20x20x3. */
    static NetworkSpec everyKind() {
        return new NetworkSpec("every-kind", new InputShape(20, 20, 3), Precision.BINARY, List.of(
                new NormBlock("input-bn", from("input"), false),
                new StemBlock("stem", from("input-bn"), StemBlock.Type.SMALL, 16, true),
                new ConvBlock("conv", from("stem"), 32, 3, 1, 1, 1, 1, true, true, false),
                new DenseBlock("dense", from("conv"), 16, 2),
                new ImprovementBlock("improve", from("dense"), 16, 1),
                new TransitionBlock("transition", from("improve"), 32, TransitionBlock.Pooling.MAX, 2, 4),
                new BinaryConvBlock("bconv1", from("transition"), 32, 3, 1, 1, 1, false),
                new ShortcutBlock("add1", from("bconv1", "transition"), ShortcutBlock.Downsample.IDENTITY, false),
                new BinaryConvBlock("bconv2", from("add1"), 64, 3, 2, 1, 2, false),
                new ShortcutBlock("add2", from("bconv2", "add1"), ShortcutBlock.Downsample.BINARY, false),
                new BinaryConvBlock("bconv3", from("add2"), 64, 3, 1, 2, 1, true),
                new ShortcutBlock("add3", from("bconv3", "add2"), ShortcutBlock.Downsample.IDENTITY, true),
                new PoolBlock("avg", from("add3"), false, 2, 1, 0),
                new ClassifierBlock("classifier", from("avg"), 10, true, true)));
    }

    private static TrainingConfig config(boolean scaling, float pad) {
        TrainingConfig d = TrainingConfig.defaults();
        return new TrainingConfig(1, 128, d.learningRate(), d.schedule(), d.optimizer(), d.momentum(), d.weightDecay(),
                d.estimator(), d.clip(), scaling, pad, d.seed(), 0, false, 0, 0);
    }

    /** Exports, writes, reads back, and checks predictions and class scores on the whole test split. */
    private void assertExportPredictsLikeTheNetwork(NetworkSpec spec, Trainer trainer, DatasetSplit data, double minTop1)
            throws Exception {
        Network network = trainer.network();
        PackedModel exported = PackedModelExport.export(spec, network, trainer.normalization());
        Path file = dir.resolve(spec.name() + ".bnnp");
        PackedModelFormat.write(exported, file);
        PackedInference inference = new PackedInference(PackedModelFormat.read(file));

        var test = data.test();
        int n = test.size();
        int size = test.imageSize();
        int[] labels = new int[200];
        int agree = 0;
        int correct = 0;
        for (int first = 0; first < n; first += 200) {
            int last = Math.min(n, first + 200);
            Tensor x = Tensor.zeros(last - first, test.channels(), test.height(), test.width());
            for (int i = first; i < last; i++) {
                test.copyNormalized(i, x.data(), (i - first) * size, inference.model().normalization());
                labels[i - first] = test.label(i);
            }
            Tensor expected = network.forward(x, false);
            Tensor actual = inference.logits(x);
            assertThat(actual.data()).as("class scores of images %d..%d", first, last).containsExactly(expected.data());
            int[] predicted = inference.predict(x);
            for (int i = 0; i < predicted.length; i++) {
                int best = argmax(expected.data(), i * 10, 10);
                agree += predicted[i] == best ? 1 : 0;
                correct += predicted[i] == labels[i] ? 1 : 0;
            }
        }
        assertThat(agree).isEqualTo(n);
        assertThat((double) correct / n).as("test accuracy").isGreaterThan(minTop1);
        network.release();
    }

    @Test
    void smallBnnTrainedOneEpochPredictsTheWholeTestSetLikeTheTrainingEngine() throws Exception {
        DatasetSplit data = FashionMnistSubset.load();
        Trainer trainer = Trainer.forSpec(smallBnn(), data, config(false, -1f));
        TrainingResult result = trainer.run();
        assertThat(result.status()).isEqualTo(TrainingResult.Status.COMPLETED);
        assertExportPredictsLikeTheNetwork(smallBnn(), trainer, data, 0.5);
    }

    @Test
    void zeroPaddingAndScalingExportExactlyToo() throws Exception {
        DatasetSplit data = FashionMnistSubset.load();
        TrainingConfig c = config(true, 0f).withLimits(2000, 0);
        Trainer trainer = Trainer.forSpec(smallBnn(), data, c);
        assertThat(trainer.run().status()).isEqualTo(TrainingResult.Status.COMPLETED);
        // 2,000 training images only: well above chance (0.1), not yet good
        assertExportPredictsLikeTheNetwork(smallBnn(), trainer, data, 0.3);
    }

    @Test
    void everyBlockKindExportsWithTheSameClassScores() throws Exception {
        NetworkSpec spec = everyKind();
        for (float pad : new float[] {-1f, 0f}) {
            TrainingConfig config = config(pad == 0f, pad);
            Network network = SpecCompiler.compile(spec, config.binaryOptions(), new Random(5));
            // a few training steps on random images, so that BatchNorm statistics and weights move
            Optimizer opt = Optimizer.create("adam", network.params(), 0f, 0.9f);
            Random rng = new Random(6);
            for (int step = 0; step < 3; step++) {
                Tensor x = gaussian(rng, 16, 3, 20, 20);
                int[] labels = new int[16];
                for (int i = 0; i < 16; i++) {
                    labels[i] = rng.nextInt(10);
                }
                opt.zeroGrad();
                network.backward(SoftmaxCrossEntropy.compute(network.forward(x, true), labels).gradient());
                opt.step(1e-2f);
            }
            PackedModel model = PackedModelExport.export(spec, network, null);
            Path file = dir.resolve("every-kind.bnnp");
            PackedModelFormat.write(model, file);
            PackedInference inference = new PackedInference(PackedModelFormat.read(file));
            for (int batch : new int[] {1, 7}) {
                Tensor x = gaussian(rng, batch, 3, 20, 20);
                assertThat(inference.logits(x).data()).as("pad %s, batch %d", pad, batch)
                        .containsExactly(network.forward(x, false).data());
            }
        }
    }

    private static int argmax(float[] v, int from, int count) {
        int best = 0;
        for (int k = 1; k < count; k++) {
            if (v[from + k] > v[from + best]) {
                best = k;
            }
        }
        return best;
    }

    private static Tensor gaussian(Random rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) rng.nextGaussian();
        }
        return t;
    }

    /**
     * The named networks are checked in the architectures module; every-kind is left out: at 38 KB its
     * 70 nodes' fields (about 1%) are not small beside the weights.
     */
    @Test
    void fileSizeIsTheCostModelSizeWithinOnePercent() throws Exception {
        for (NetworkSpec spec : List.of(smallBnn())) {
            Network network = SpecCompiler.compile(spec, TrainingConfig.defaults().binaryOptions(), new Random(1));
            Path file = dir.resolve(spec.name() + ".bnnp");
            PackedModelFormat.write(PackedModelExport.export(spec, network, null), file);
            long expected = CostModel.of(spec, CostConvention.BMXNET).modelSizeBytes();
            long actual = Files.size(file);
            assertThat((double) actual / expected).as("%s: file %d bytes, cost model %d", spec.name(), actual, expected)
                    .isBetween(0.99, 1.01);
        }
    }
}
