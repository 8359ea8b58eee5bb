package org.bnnworkbench.engine.data;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST (LeCun et al., "The MNIST database of handwritten digits"):
 * a big-endian header {@code 0x00 0x00 type dims}, one 32-bit size per dimension, then the values. Images are
 * {@code 0x00000803} (unsigned bytes, N x H x W), labels {@code 0x00000801} (unsigned bytes, N). Files may be
 * gzipped or not; gzip is recognised by its magic bytes.
 *
 * <p>The header is checked against the file length in both directions: a download cut short would otherwise give
 * fewer images, and a file with trailing bytes is not what its header claims to be.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned bytes with 3 dimensions: images N x H x W. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with 1 dimension: labels. */
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /**
     * Reads an image file and its label file into one data set, checking that they hold as many images as labels and
     * that every label names one of {@code classNames}.
     */
    public static LabelledImages read(String name, Path images, Path labels, List<String> classNames) {
        return read(name, DataFile.read(images), DataFile.read(labels), classNames);
    }

    static LabelledImages read(String name, DataFile imageFile, DataFile labelFile, List<String> classNames) {
        Images images = images(imageFile);
        byte[] labels = labels(labelFile);
        if (labels.length != images.count()) {
            throw labelFile.problem("holds " + labels.length + " labels but " + imageFile.where() + " holds "
                    + images.count() + " images; they must be the same count");
        }
        checkLabelsBelow(labelFile, labels, classNames.size());
        return LabelledImages.adopt(name, 1, images.height(), images.width(), classNames, images.pixels(), labels);
    }

    static void checkLabelsBelow(DataFile labelFile, byte[] labels, int classes) {
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xFF) >= classes) {
                throw labelFile.problem("label " + (labels[i] & 0xFF) + " at position " + i
                        + " is not below the number of classes, " + classes);
            }
        }
    }

    /** The pixels of an IDX image file: {@code count} images of {@code height x width} unsigned bytes. */
    record Images(int count, int height, int width, byte[] pixels) {
    }

    static Images images(DataFile file) {
        byte[] content = file.content();
        int[] dims = header(file, content, IMAGES_MAGIC);
        int count = dims[0];
        int height = dims[1];
        int width = dims[2];
        if (height == 0 || width == 0) {
            throw file.problem("header declares images of " + height + "x" + width + " pixels");
        }
        int start = 4 + 4 * dims.length;
        checkLength(file, content, start, (long) count * height * width,
                count + " images of " + height + "x" + width);
        return new Images(count, height, width, slice(content, start));
    }

    static byte[] labels(DataFile file) {
        byte[] content = file.content();
        int[] dims = header(file, content, LABELS_MAGIC);
        int start = 4 + 4 * dims.length;
        checkLength(file, content, start, dims[0], dims[0] + " labels");
        return slice(content, start);
    }

    /** Checks the magic number and returns the dimension sizes that follow it. */
    private static int[] header(DataFile file, byte[] content, int expectedMagic) {
        int dimensions = expectedMagic & 0xFF;
        int headerLength = 4 + 4 * dimensions;
        if (content.length < 4) {
            throw file.problem("too short for an IDX file: " + content.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(content); // big-endian, as IDX is
        int magic = buffer.getInt();
        if (magic != expectedMagic) {
            throw file.problem("wrong magic number: expected " + hex(expectedMagic) + " (" + describe(expectedMagic)
                    + "), found " + hex(magic) + " (" + describe(magic) + ")");
        }
        if (content.length < headerLength) {
            throw file.problem("too short for its IDX header: " + content.length + " bytes, the header alone needs "
                    + headerLength);
        }
        int[] dims = new int[dimensions];
        for (int d = 0; d < dimensions; d++) {
            dims[d] = buffer.getInt();
            if (dims[d] < 0) {
                throw file.problem("header declares a negative size (" + Integer.toUnsignedString(dims[d])
                        + ") for dimension " + d);
            }
        }
        return dims;
    }

    private static void checkLength(DataFile file, byte[] content, int start, long expected, String what) {
        long actual = content.length - start;
        if (actual < expected) {
            throw file.problem("too short: its header declares " + what + " (" + expected
                    + " bytes after the header) but only " + actual + " follow; the file is probably truncated");
        }
        if (actual > expected) {
            throw file.problem("has " + (actual - expected) + " trailing bytes after the " + what
                    + " its header declares");
        }
    }

    private static byte[] slice(byte[] content, int start) {
        byte[] out = new byte[content.length - start];
        System.arraycopy(content, start, out, 0, out.length);
        return out;
    }

    private static String hex(int magic) {
        return String.format("0x%08X", magic);
    }

    /** Says in words what a magic number means, so "found 0x00000801" also says "that is a label file". */
    static String describe(int magic) {
        if ((magic >>> 16) != 0) {
            return "not an IDX file";
        }
        String type = switch ((magic >>> 8) & 0xFF) {
            case 0x08 -> "unsigned bytes";
            case 0x09 -> "signed bytes";
            case 0x0B -> "16-bit integers";
            case 0x0C -> "32-bit integers";
            case 0x0D -> "32-bit floats";
            case 0x0E -> "64-bit floats";
            default -> null;
        };
        if (type == null) {
            return "not an IDX file";
        }
        int dims = magic & 0xFF;
        String kind = switch (magic) {
            case IMAGES_MAGIC -> "IDX images: ";
            case LABELS_MAGIC -> "IDX labels: ";
            default -> "IDX ";
        };
        return kind + type + ", " + dims + (dims == 1 ? " dimension" : " dimensions");
    }
}
