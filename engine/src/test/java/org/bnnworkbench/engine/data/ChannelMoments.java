package org.bnnworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Checks that normalised NCHW floats have mean 0 and std 1 in every channel. */
final class ChannelMoments {

    private ChannelMoments() {
    }

    static void assertStandardised(float[] nchw, int images, int channels, int plane, double tolerance) {
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            double sumOfSquares = 0;
            for (int i = 0; i < images; i++) {
                int start = (i * channels + c) * plane;
                for (int p = start; p < start + plane; p++) {
                    sum += nchw[p];
                    sumOfSquares += (double) nchw[p] * nchw[p];
                }
            }
            double n = (double) images * plane;
            double mean = sum / n;
            double std = Math.sqrt(sumOfSquares / n - mean * mean);
            assertThat(mean).as("mean of channel %d", c).isCloseTo(0.0, within(tolerance));
            assertThat(std).as("std of channel %d", c).isCloseTo(1.0, within(tolerance));
        }
    }
}
