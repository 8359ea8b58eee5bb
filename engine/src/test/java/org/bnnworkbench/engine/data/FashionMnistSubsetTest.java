package org.bnnworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistSubsetTest {

    static final Path DEBIAN_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void subsetHasTenThousandTrainAndTwoThousandTestImagesBalancedOverClasses() {
        var split = FashionMnistSubset.load();
        assertThat(split.train().size()).isEqualTo(10_000);
        assertThat(split.test().size()).isEqualTo(2_000);
        assertThat(split.train().classCounts()).containsOnly(1_000);
        assertThat(split.test().classCounts()).containsOnly(200);
        assertThat(split.train().classNames()).hasSize(10).startsWith("T-shirt/top").endsWith("Ankle boot");
        assertThat(split.train().height()).isEqualTo(28);
        assertThat(split.train().width()).isEqualTo(28);
        assertThat(split.licenceNotice()).contains("Zalando SE", "MIT");
    }

    @Test
    void subsetKeepsTheFirstImageOfFashionMnist() {
        // the first training image of Fashion-MNIST is an ankle boot, so it is also the subset's first
        assertThat(FashionMnistSubset.load().train().label(0)).isEqualTo(9);
    }

    @Test
    void normalisationFittedOnSubsetTrainGivesMeanZeroAndStdOne() {
        var train = FashionMnistSubset.load().train();
        var norm = Normalization.fit(train);
        float[] all = new float[train.size() * train.imageSize()];
        for (int i = 0; i < train.size(); i++) {
            train.copyNormalized(i, all, i * train.imageSize(), norm);
        }
        ChannelMoments.assertStandardised(all, train.size(), 1, train.imageSize(), 1e-3);
    }

    @Test
    void subsetLoadsWellUnderASecond() {
        FashionMnistSubset.load(); // warm up class loading and the JIT a little
        long start = System.nanoTime();
        FashionMnistSubset.load();
        long millis = (System.nanoTime() - start) / 1_000_000;
        // measured about 80 ms cold and 32 ms warm on the 2-core build machine; the bound leaves room for load
        assertThat(millis).isLessThan(1_000);
    }

    @Test
    void firstOfEachClassTakesImagesInFileOrder() {
        byte[] labels = {1, 0, 1, 1, 0, 0};
        var images = new LabelledImages("t", 1, 1, 1, List.of("a", "b"), new byte[6], labels);
        assertThat(FashionMnistSubset.firstOfEachClass(images, 2)).containsExactly(0, 1, 2, 4);
    }

    @Test
    void firstOfEachClassFailsWhenAClassHasTooFewImages() {
        var images = new LabelledImages("t", 1, 1, 1, List.of("a", "b"), new byte[3], new byte[] {0, 0, 1});
        assertThatThrownBy(() -> FashionMnistSubset.firstOfEachClass(images, 2))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("fewer than 2");
    }

    @Test
    void regenerationFromDebianFashionMnistIsByteIdentical(@TempDir Path dir) throws IOException {
        assumeTrue(Files.isDirectory(DEBIAN_FOLDER), "needs the Debian package dataset-fashion-mnist");
        FashionMnistSubset.write(DEBIAN_FOLDER, dir);
        for (String name : IdxFolder.FILES) {
            String resource = FashionMnistSubset.RESOURCES + name + ".gz";
            try (InputStream committed = getClass().getResourceAsStream(resource)) {
                assertThat(committed).as(resource).isNotNull();
                assertThat(Files.readAllBytes(dir.resolve(name + ".gz"))).as(name)
                        .isEqualTo(committed.readAllBytes());
            }
        }
    }
}
