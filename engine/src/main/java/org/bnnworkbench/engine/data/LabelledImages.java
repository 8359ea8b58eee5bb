package org.bnnworkbench.engine.data;

import java.util.List;
import java.util.Objects;

/**
 * An in-memory image classification data set: N images of C x H x W unsigned 8-bit pixels, each with a class label.
 *
 * <p>Pixels stay bytes (in NCHW order, the layout of the trainer's tensors) until {@link #copyNormalized} turns one
 * image into floats for a batch: Fashion-MNIST as floats would take four times the memory (188 MB instead of 47 MB)
 * for no gain, since normalising an image costs less than the first layer's work on it.
 *
 * <p>Immutable: the public constructor copies its arrays; the readers hand theirs over through {@link #adopt}.
 */
public final class LabelledImages {

    private final String name;
    private final int channels;
    private final int height;
    private final int width;
    private final List<String> classNames;
    private final byte[] pixels;
    private final byte[] labels;

    /**
     * @param pixels unsigned 8-bit values in NCHW order, {@code labels.length * channels * height * width} of them
     * @param labels one per image, each in {@code 0 .. classNames.size() - 1}
     * @throws IllegalArgumentException if the sizes disagree or a label is out of range
     */
    public LabelledImages(String name, int channels, int height, int width, List<String> classNames,
                          byte[] pixels, byte[] labels) {
        this(name, channels, height, width, classNames, pixels.clone(), labels.clone(), true);
    }

    /** {@code owned} only tells this constructor apart from the public one: the arrays now belong to us. */
    private LabelledImages(String name, int channels, int height, int width, List<String> classNames,
                           byte[] pixels, byte[] labels, boolean owned) {
        this.name = Objects.requireNonNull(name, "name");
        this.classNames = List.copyOf(classNames);
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.labels = Objects.requireNonNull(labels, "labels");
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException(name + ": image shape must be positive, got "
                    + channels + "x" + height + "x" + width);
        }
        if (this.classNames.isEmpty()) {
            throw new IllegalArgumentException(name + ": at least one class is needed");
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(name + ": " + labels.length + " images of " + channels + "x" + height
                    + "x" + width + " need " + expected + " pixel bytes, got " + pixels.length);
        }
        int classes = this.classNames.size();
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xFF;
            if (label >= classes) {
                throw new IllegalArgumentException(name + ": label " + label + " of image " + i
                        + " is not below the number of classes " + classes);
            }
        }
    }

    /** Takes ownership of the arrays without copying them; for readers that have just built them. */
    static LabelledImages adopt(String name, int channels, int height, int width, List<String> classNames,
                                byte[] pixels, byte[] labels) {
        return new LabelledImages(name, channels, height, width, classNames, pixels, labels, true);
    }

    public String name() {
        return name;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Values per image: channels x height x width. */
    public int imageSize() {
        return channels * height * width;
    }

    public int classes() {
        return classNames.size();
    }

    public List<String> classNames() {
        return classNames;
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** The class of image {@code index}, in {@code 0 .. classes() - 1}. */
    public int label(int index) {
        return labels[index] & 0xFF;
    }

    /** One pixel of one image, 0..255. */
    public int pixel(int index, int channel, int y, int x) {
        Objects.checkIndex(index, labels.length);
        Objects.checkIndex(channel, channels);
        Objects.checkIndex(y, height);
        Objects.checkIndex(x, width);
        return pixels[((index * channels + channel) * height + y) * width + x] & 0xFF;
    }

    /** How many images each class has; index = label. */
    public int[] classCounts() {
        int[] counts = new int[classes()];
        for (byte label : labels) {
            counts[label & 0xFF]++;
        }
        return counts;
    }

    /**
     * A new data set of the images at {@code indices}, in that order (repeats allowed, e.g. for a bootstrap sample).
     * The copy shares nothing with this one.
     */
    public LabelledImages subset(int[] indices) {
        int size = imageSize();
        byte[] newPixels = new byte[Math.multiplyExact(indices.length, size)];
        byte[] newLabels = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int from = Objects.checkIndex(indices[i], labels.length);
            System.arraycopy(pixels, from * size, newPixels, i * size, size);
            newLabels[i] = labels[from];
        }
        return adopt(name, channels, height, width, classNames, newPixels, newLabels);
    }

    /**
     * Writes image {@code index} as {@code imageSize()} floats {@code (x / 255 - mean_c) / std_c} into {@code dst},
     * starting at {@code dstOffset}, in CHW order. Called by the trainer for every image of every batch, so it does
     * one multiply-add per pixel with the per-channel constants worked out once per call.
     */
    public void copyNormalized(int index, float[] dst, int dstOffset, Normalization norm) {
        Objects.checkIndex(index, labels.length);
        if (norm.channels() != channels) {
            throw new IllegalArgumentException(name + " has " + channels + " channels but the normalisation has "
                    + norm.channels());
        }
        int plane = height * width;
        Objects.checkFromIndexSize(dstOffset, channels * plane, dst.length);
        int src = index * channels * plane;
        int out = dstOffset;
        for (int c = 0; c < channels; c++) {
            float scale = norm.scale(c);
            float shift = norm.shift(c);
            for (int end = src + plane; src < end; src++, out++) {
                dst[out] = (pixels[src] & 0xFF) * scale + shift;
            }
        }
    }

    /** Sums of pixel values and of their squares for one channel; exact, for {@link Normalization#fit}. */
    long[] channelSums(int channel) {
        int plane = height * width;
        long sum = 0;
        long sumOfSquares = 0;
        for (int i = 0; i < labels.length; i++) {
            int start = (i * channels + channel) * plane;
            for (int p = start; p < start + plane; p++) {
                int v = pixels[p] & 0xFF;
                sum += v;
                sumOfSquares += v * v;
            }
        }
        return new long[] {sum, sumOfSquares};
    }

    @Override
    public String toString() {
        return name + " (" + size() + " images of " + channels + "x" + height + "x" + width + ", "
                + classes() + " classes)";
    }
}
