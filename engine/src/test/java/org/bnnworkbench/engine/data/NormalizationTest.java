package org.bnnworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizationTest {

    @Test
    void fitGivesMeanAndPopulationStdOnTheZeroToOneScale() {
        // one channel, pixels 0 and 255: mean 0.5, std 0.5
        var images = new LabelledImages("x", 1, 1, 2, List.of("a"), new byte[] {0, (byte) 255}, new byte[] {0});
        var norm = Normalization.fit(images);
        assertThat(norm.mean()[0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(norm.std()[0]).isCloseTo(0.5f, within(1e-6f));
    }

    @Test
    void fitKeepsChannelsApart() {
        var norm = Normalization.fit(LabelledImagesTest.twoRgbImages());
        assertThat(norm.channels()).isEqualTo(3);
        // channel c holds 10c + {0..3} and 100 + 10c + {0..3}: mean (51.5 + 10c) / 255
        for (int c = 0; c < 3; c++) {
            assertThat((double) norm.mean()[c]).isCloseTo((51.5 + 10 * c) / 255, within(1e-6));
        }
    }

    @Test
    void constantChannelIsCentredButNotScaled() {
        var images = new LabelledImages("x", 1, 1, 2, List.of("a"), new byte[] {7, 7}, new byte[] {0});
        assertThat(Normalization.fit(images).std()[0]).isEqualTo(1f);
    }

    @Test
    void zeroStdIsRejected() {
        assertThatThrownBy(() -> new Normalization(new float[] {0}, new float[] {0}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalValuesMakeEqualNormalizations() {
        assertThat(new Normalization(new float[] {0.1f}, new float[] {0.2f}))
                .isEqualTo(new Normalization(new float[] {0.1f}, new float[] {0.2f}));
    }

    @Test
    void normalizedTrainingImagesHaveMeanZeroAndStdOne() {
        var images = LabelledImagesTest.twoRgbImages();
        var norm = Normalization.fit(images);
        float[] all = new float[images.size() * images.imageSize()];
        for (int i = 0; i < images.size(); i++) {
            images.copyNormalized(i, all, i * images.imageSize(), norm);
        }
        ChannelMoments.assertStandardised(all, images.size(), images.channels(), 4, 1e-5);
    }
}
