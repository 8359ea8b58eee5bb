package org.bnnworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledImagesTest {

    private static final List<String> THREE = List.of("a", "b", "c");

    /** Two RGB images of 2x2: image i, channel c, pixel p has value 100 i + 10 c + p. */
    static LabelledImages twoRgbImages() {
        byte[] pixels = new byte[2 * 3 * 4];
        for (int i = 0; i < 2; i++) {
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 4; p++) {
                    pixels[(i * 3 + c) * 4 + p] = (byte) (100 * i + 10 * c + p);
                }
            }
        }
        return new LabelledImages("rgb", 3, 2, 2, THREE, pixels, new byte[] {2, 0});
    }

    @Test
    void pixelsAreReadInNchwOrder() {
        var images = twoRgbImages();
        assertThat(images.size()).isEqualTo(2);
        assertThat(images.imageSize()).isEqualTo(12);
        assertThat(images.pixel(1, 2, 1, 0)).isEqualTo(100 + 20 + 2);
        assertThat(images.label(0)).isEqualTo(2);
    }

    @Test
    void pixelsAbove127ReadAsUnsigned() {
        var images = new LabelledImages("bright", 1, 1, 1, THREE, new byte[] {(byte) 255}, new byte[] {0});
        assertThat(images.pixel(0, 0, 0, 0)).isEqualTo(255);
    }

    @Test
    void constructorRejectsPixelCountThatDisagreesWithShape() {
        assertThatThrownBy(() -> new LabelledImages("x", 1, 2, 2, THREE, new byte[7], new byte[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need 8 pixel bytes, got 7");
    }

    @Test
    void constructorRejectsLabelNotBelowClassCount() {
        assertThatThrownBy(() -> new LabelledImages("x", 1, 1, 1, THREE, new byte[1], new byte[] {3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label 3 of image 0");
    }

    @Test
    void constructorCopiesSoCallerCannotChangeTheDataSet() {
        byte[] pixels = {5};
        var images = new LabelledImages("x", 1, 1, 1, THREE, pixels, new byte[] {0});
        pixels[0] = 9;
        assertThat(images.pixel(0, 0, 0, 0)).isEqualTo(5);
    }

    @Test
    void subsetCopiesTheChosenImagesInTheGivenOrder() {
        var images = twoRgbImages();
        var subset = images.subset(new int[] {1, 0, 1});
        assertThat(subset.size()).isEqualTo(3);
        assertThat(subset.label(0)).isEqualTo(0);
        assertThat(subset.label(1)).isEqualTo(2);
        assertThat(subset.pixel(2, 1, 0, 1)).isEqualTo(111);
        assertThat(subset.classCounts()).containsExactly(2, 0, 1);
    }

    @Test
    void subsetRejectsIndexOutOfRange() {
        assertThatThrownBy(() -> twoRgbImages().subset(new int[] {2}))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void copyNormalizedAppliesPerChannelMeanAndStdAtTheOffset() {
        var images = twoRgbImages();
        var norm = new Normalization(new float[] {0.1f, 0.2f, 0.3f}, new float[] {0.5f, 0.25f, 2f});
        float[] dst = new float[3 + 12];
        images.copyNormalized(1, dst, 3, norm);
        assertThat(dst[0]).isZero();
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < 4; p++) {
                double x = 100 + 10 * c + p;
                double expected = (x / 255 - norm.mean()[c]) / norm.std()[c];
                assertThat((double) dst[3 + c * 4 + p]).isCloseTo(expected, within(1e-5));
            }
        }
    }

    @Test
    void copyNormalizedRejectsNormalizationWithOtherChannelCount() {
        var norm = new Normalization(new float[] {0.5f}, new float[] {0.5f});
        assertThatThrownBy(() -> twoRgbImages().copyNormalized(0, new float[12], 0, norm))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 channels");
    }

    @Test
    void copyNormalizedRejectsDestinationTooSmall() {
        var norm = new Normalization(new float[] {0, 0, 0}, new float[] {1, 1, 1});
        assertThatThrownBy(() -> twoRgbImages().copyNormalized(0, new float[12], 1, norm))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
