package org.bnnworkbench.engine.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small IDX files for tests: {@code count} images of 3x2 whose pixels and labels follow from their index. */
final class IdxFiles {

    static final int HEIGHT = 3;
    static final int WIDTH = 2;

    private IdxFiles() {
    }

    static byte[] pixels(int count) {
        byte[] pixels = new byte[count * HEIGHT * WIDTH];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 37);
        }
        return pixels;
    }

    static byte[] labels(int count, int classes) {
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) ((i * 7) % classes);
        }
        return labels;
    }

    static byte[] imageFile(int count) {
        return IdxWriter.images(count, HEIGHT, WIDTH, pixels(count));
    }

    static byte[] labelFile(int count) {
        return IdxWriter.labels(labels(count, 10));
    }

    static Path write(Path folder, String name, byte[] content) {
        try {
            return Files.write(folder.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the four standard files of a data set with {@code train} and {@code test} images. */
    static Path writeFolder(Path folder, int train, int test, boolean gzip) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String suffix = gzip ? ".gz" : "";
        write(folder, IdxFolder.TRAIN_IMAGES + suffix, maybeGzip(imageFile(train), gzip));
        write(folder, IdxFolder.TRAIN_LABELS + suffix, maybeGzip(labelFile(train), gzip));
        write(folder, IdxFolder.TEST_IMAGES + suffix, maybeGzip(imageFile(test), gzip));
        write(folder, IdxFolder.TEST_LABELS + suffix, maybeGzip(labelFile(test), gzip));
        return folder;
    }

    private static byte[] maybeGzip(byte[] content, boolean gzip) {
        return gzip ? Gzip.deflate(content) : content;
    }
}
