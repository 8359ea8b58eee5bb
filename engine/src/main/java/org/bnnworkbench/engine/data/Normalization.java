package org.bnnworkbench.engine.data;

import java.util.Arrays;

/**
 * Per-channel mean and standard deviation of pixel values on the 0..1 scale, used to feed the network inputs
 * {@code (x / 255 - mean_c) / std_c} with mean about 0 and spread about 1 per channel.
 *
 * <p>Always {@link #fit fitted} on the training split and then applied to both splits, never fitted on the test
 * split: statistics of the test images must not leak into training. There are deliberately no published constants
 * (such as MNIST's 0.1307 / 0.3081): a subset or a different data set would silently get the wrong ones.
 */
public record Normalization(float[] mean, float[] std) {

    /** A channel whose spread is below this is treated as constant: it is centred but not scaled. */
    private static final double CONSTANT_CHANNEL = 1e-6;

    public Normalization {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("need one mean and one std per channel, got "
                    + mean.length + " and " + std.length);
        }
        mean = mean.clone();
        std = std.clone();
        for (int c = 0; c < std.length; c++) {
            if (!(std[c] > 0) || !Float.isFinite(std[c]) || !Float.isFinite(mean[c])) {
                throw new IllegalArgumentException("channel " + c + ": std must be positive and finite, got mean "
                        + mean[c] + ", std " + std[c]);
            }
        }
    }

    /**
     * Mean and population standard deviation of each channel over every pixel of every image of {@code train}.
     * Sums are exact integers, so the result does not depend on the order of the images.
     */
    public static Normalization fit(LabelledImages train) {
        if (train.size() == 0) {
            throw new IllegalArgumentException(train.name() + ": cannot fit a normalisation on no images");
        }
        int channels = train.channels();
        float[] mean = new float[channels];
        float[] std = new float[channels];
        double count = (double) train.size() * train.height() * train.width();
        for (int c = 0; c < channels; c++) {
            long[] sums = train.channelSums(c);
            double m = sums[0] / count / 255.0;
            double variance = Math.max(0.0, sums[1] / count / (255.0 * 255.0) - m * m);
            double s = Math.sqrt(variance);
            mean[c] = (float) m;
            std[c] = (float) (s < CONSTANT_CHANNEL ? 1.0 : s);
        }
        return new Normalization(mean, std);
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    public int channels() {
        return mean.length;
    }

    /** Factor for a raw 0..255 value of channel {@code c}: {@code 1 / (255 std_c)}. */
    float scale(int c) {
        return (float) (1.0 / (255.0 * std[c]));
    }

    /** Offset added after scaling: {@code -mean_c / std_c}. */
    float shift(int c) {
        return (float) (-(double) mean[c] / std[c]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
