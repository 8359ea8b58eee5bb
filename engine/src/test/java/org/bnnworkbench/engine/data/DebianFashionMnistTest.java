package org.bnnworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The full Fashion-MNIST as installed by Debian's {@code dataset-fashion-mnist}; skipped where it is absent. */
class DebianFashionMnistTest {

    @Test
    void fullFashionMnistLoadsSixtyThousandAndTenThousandImagesStartingWithAnAnkleBoot() {
        assumeTrue(Files.isDirectory(FashionMnistSubsetTest.DEBIAN_FOLDER),
                "needs the Debian package dataset-fashion-mnist");
        var split = IdxFolder.read("fashion-mnist", FashionMnistSubsetTest.DEBIAN_FOLDER,
                KnownDataset.FASHION_MNIST.classNames());
        assertThat(split.train().size()).isEqualTo(60_000);
        assertThat(split.test().size()).isEqualTo(10_000);
        assertThat(split.train().label(0)).isEqualTo(9);
        assertThat(split.train().classNames().get(split.train().label(0))).isEqualTo("Ankle boot");
        assertThat(split.train().classCounts()).containsOnly(6_000);
        assertThat(split.test().classCounts()).containsOnly(1_000);
    }
}
