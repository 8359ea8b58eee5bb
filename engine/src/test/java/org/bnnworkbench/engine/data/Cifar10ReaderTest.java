package org.bnnworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10ReaderTest {

    @TempDir
    Path dir;

    /** A record of image {@code i}: label i mod 10, pixel (c, y, x) = i + 3c + 5y + 7x mod 256. */
    static byte[] records(int first, int count) {
        byte[] bytes = new byte[count * Cifar10Reader.RECORD];
        for (int r = 0; r < count; r++) {
            int i = first + r;
            int offset = r * Cifar10Reader.RECORD;
            bytes[offset] = (byte) (i % 10);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        bytes[offset + 1 + (c * 32 + y) * 32 + x] = (byte) (i + 3 * c + 5 * y + 7 * x);
                    }
                }
            }
        }
        return bytes;
    }

    /** Writes five training batches of 2 records and a test batch of 3: images 0..9 train, 10..12 test. */
    static Path writeBatches(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (int b = 0; b < 5; b++) {
            Files.write(folder.resolve(Cifar10Reader.TRAIN_FILES.get(b)), records(2 * b, 2));
        }
        Files.write(folder.resolve(Cifar10Reader.TEST_FILE), records(10, 3));
        return folder;
    }

    @Test
    void syntheticBatchesRoundTripInOrderWithChannelPlanarPixels() throws IOException {
        var split = Cifar10Reader.read(writeBatches(dir));
        assertThat(split.train().size()).isEqualTo(10);
        assertThat(split.test().size()).isEqualTo(3);
        assertThat(split.train().channels()).isEqualTo(3);
        for (int i = 0; i < 10; i++) {
            assertThat(split.train().label(i)).isEqualTo(i % 10);
        }
        assertThat(split.train().pixel(7, 2, 31, 1)).isEqualTo((7 + 6 + 155 + 7) & 0xFF);
        assertThat(split.test().pixel(1, 1, 4, 9)).isEqualTo((11 + 3 + 20 + 63) & 0xFF);
        assertThat(split.train().classNames()).startsWith("airplane").endsWith("truck");
    }

    @Test
    void classNamesComeFromBatchesMetaWhenPresent() throws IOException {
        Path folder = writeBatches(dir);
        Files.writeString(folder.resolve(Cifar10Reader.META_FILE), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n");
        assertThat(Cifar10Reader.read(folder).train().classNames()).startsWith("a").endsWith("j");
    }

    @Test
    void metaWithWrongNumberOfClassesIsAnError() throws IOException {
        Path folder = writeBatches(dir);
        Files.writeString(folder.resolve(Cifar10Reader.META_FILE), "a\nb\n");
        assertThatThrownBy(() -> Cifar10Reader.read(folder))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(Cifar10Reader.META_FILE)
                .hasMessageContaining("names 2 classes, expected 10");
    }

    @Test
    void archiveSubfolderIsAcceptedFromItsParent() throws IOException {
        writeBatches(dir.resolve(Cifar10Reader.ARCHIVE_FOLDER));
        assertThat(Cifar10Reader.holdsCifar10(dir)).isTrue();
        assertThat(Cifar10Reader.read(dir).source()).endsWith(Cifar10Reader.ARCHIVE_FOLDER);
    }

    @Test
    void lengthNotAMultipleOfTheRecordIsAnError() throws IOException {
        Path folder = writeBatches(dir);
        Path batch = folder.resolve("data_batch_3.bin");
        Files.write(batch, Arrays.copyOf(records(0, 2), 2 * Cifar10Reader.RECORD - 100));
        assertThatThrownBy(() -> Cifar10Reader.read(folder))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(batch.toString())
                .hasMessageContaining("not a multiple of the 3073-byte")
                .hasMessageContaining("1 whole records and 2973 bytes more");
    }

    @Test
    void labelAboveNineIsAnError() throws IOException {
        Path folder = writeBatches(dir);
        byte[] bytes = records(0, 3);
        bytes[2 * Cifar10Reader.RECORD] = 10;
        Path test = Files.write(folder.resolve(Cifar10Reader.TEST_FILE), bytes);
        assertThatThrownBy(() -> Cifar10Reader.read(folder))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(test.toString())
                .hasMessageContaining("record 2 has label 10");
    }

    @Test
    void missingBatchesAreNamed() throws IOException {
        Path folder = writeBatches(dir);
        Files.delete(folder.resolve("data_batch_4.bin"));
        Files.delete(folder.resolve(Cifar10Reader.TEST_FILE));
        assertThat(Cifar10Reader.holdsCifar10(folder)).isFalse();
        assertThatThrownBy(() -> Cifar10Reader.read(folder))
                .isInstanceOf(DatasetException.class)
                .hasMessage(folder + ": not a CIFAR-10 binary folder: missing data_batch_4.bin, test_batch.bin");
    }

    @Test
    void emptyBatchIsAnError() throws IOException {
        Path folder = writeBatches(dir);
        Path batch = Files.write(folder.resolve("data_batch_1.bin"), new byte[0]);
        assertThatThrownBy(() -> Cifar10Reader.read(folder))
                .isInstanceOf(DatasetException.class)
                .hasMessage(batch + ": file is empty");
    }
}
