package org.bnnworkbench.engine.data;

import java.nio.ByteBuffer;

/**
 * Writes the IDX format that {@link IdxReader} reads; used to generate the embedded subset and by tests.
 */
final class IdxWriter {

    private IdxWriter() {
    }

    /** A complete IDX image file: header, then {@code count x height x width} unsigned bytes. */
    static byte[] images(int count, int height, int width, byte[] pixels) {
        if (pixels.length != (long) count * height * width) {
            throw new IllegalArgumentException(count + " images of " + height + "x" + width + " need "
                    + (long) count * height * width + " bytes, got " + pixels.length);
        }
        return ByteBuffer.allocate(16 + pixels.length)
                .putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(height).putInt(width)
                .put(pixels).array();
    }

    /** A complete IDX label file: header, then one unsigned byte per label. */
    static byte[] labels(byte[] labels) {
        return ByteBuffer.allocate(8 + labels.length)
                .putInt(IdxReader.LABELS_MAGIC).putInt(labels.length)
                .put(labels).array();
    }
}
