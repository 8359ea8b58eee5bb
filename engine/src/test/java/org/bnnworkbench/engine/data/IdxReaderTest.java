package org.bnnworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    private static final List<String> TEN = IdxFolder.numbered(10);

    @TempDir
    Path dir;

    private Path labels(int count) {
        return IdxFiles.write(dir, "labels", IdxFiles.labelFile(count));
    }

    private LabelledImages readWithImageFile(byte[] imageFile) {
        Path images = IdxFiles.write(dir, "images", imageFile);
        return IdxReader.read("t", images, labels(4), TEN);
    }

    @Test
    void readsImagesAndLabelsAsWritten() {
        var images = readWithImageFile(IdxFiles.imageFile(4));
        assertThat(images.size()).isEqualTo(4);
        assertThat(images.channels()).isEqualTo(1);
        assertThat(images.height()).isEqualTo(IdxFiles.HEIGHT);
        assertThat(images.width()).isEqualTo(IdxFiles.WIDTH);
        assertThat(images.label(1)).isEqualTo(7);
        assertThat(images.pixel(2, 0, 1, 1)).isEqualTo((15 * 37) & 0xFF);
    }

    @Test
    void gzippedAndRawFilesGiveIdenticalData() {
        byte[] raw = IdxFiles.imageFile(4);
        var fromRaw = readWithImageFile(raw);
        var fromGzip = readWithImageFile(Gzip.deflate(raw));
        assertThat(fromGzip.size()).isEqualTo(fromRaw.size());
        for (int i = 0; i < 4; i++) {
            assertThat(fromGzip.label(i)).isEqualTo(fromRaw.label(i));
            for (int y = 0; y < IdxFiles.HEIGHT; y++) {
                for (int x = 0; x < IdxFiles.WIDTH; x++) {
                    assertThat(fromGzip.pixel(i, 0, y, x)).isEqualTo(fromRaw.pixel(i, 0, y, x));
                }
            }
        }
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesNotByName() {
        Path gzipWithoutSuffix = IdxFiles.write(dir, "images-idx3-ubyte", Gzip.deflate(IdxFiles.imageFile(4)));
        Path rawWithSuffix = IdxFiles.write(dir, "labels-idx1-ubyte.gz", IdxFiles.labelFile(4));
        assertThat(IdxReader.read("t", gzipWithoutSuffix, rawWithSuffix, TEN).size()).isEqualTo(4);
    }

    @Test
    void wrongMagicNumberNamesFileAndExpectedMagic() {
        Path images = IdxFiles.write(dir, "images", IdxFiles.labelFile(4));
        assertThatThrownBy(() -> IdxReader.read("t", images, labels(4), TEN))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(images.toString())
                .hasMessageContaining("expected 0x00000803")
                .hasMessageContaining("found 0x00000801 (IDX labels");
    }

    @Test
    void fileThatIsNotIdxAtAllSaysSo() {
        assertThatThrownBy(() -> readWithImageFile("<html>Not Found</html>".getBytes()))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("not an IDX file");
    }

    @Test
    void truncatedImageFileIsTooShortNotFewerImages() {
        byte[] file = IdxFiles.imageFile(4);
        assertThatThrownBy(() -> readWithImageFile(Arrays.copyOf(file, file.length - 5)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("too short")
                .hasMessageContaining("4 images of 3x2")
                .hasMessageContaining("truncated");
    }

    @Test
    void trailingBytesAfterDeclaredImagesAreAnError() {
        byte[] file = IdxFiles.imageFile(4);
        assertThatThrownBy(() -> readWithImageFile(Arrays.copyOf(file, file.length + 3)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("3 trailing bytes");
    }

    @Test
    void headerCutShortIsAnError() {
        byte[] file = IdxFiles.imageFile(4);
        assertThatThrownBy(() -> readWithImageFile(Arrays.copyOf(file, 10)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("header alone needs 16");
    }

    @Test
    void truncatedGzipBecomesOurErrorNamingTheFile() {
        byte[] gzip = Gzip.deflate(IdxFiles.imageFile(4));
        Path images = IdxFiles.write(dir, "images.gz", Arrays.copyOf(gzip, gzip.length - 12));
        assertThatThrownBy(() -> IdxReader.read("t", images, labels(4), TEN))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(images.toString())
                .hasMessageContaining("truncated or corrupt gzip");
    }

    @Test
    void corruptGzipBecomesOurError() {
        byte[] gzip = Gzip.deflate(IdxFiles.imageFile(4));
        gzip[gzip.length - 6] ^= 0x55; // inside the CRC-32 trailer
        assertThatThrownBy(() -> readWithImageFile(gzip))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("truncated or corrupt gzip");
    }

    @Test
    void imagesAndLabelsOfDifferentCountsAreAnError() {
        Path images = IdxFiles.write(dir, "images", IdxFiles.imageFile(5));
        Path labels = labels(4);
        assertThatThrownBy(() -> IdxReader.read("t", images, labels, TEN))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(labels.toString())
                .hasMessageContaining(images.toString())
                .hasMessageContaining("holds 4 labels")
                .hasMessageContaining("5 images");
    }

    @Test
    void labelNotBelowClassCountNamesLabelAndPosition() {
        Path images = IdxFiles.write(dir, "images", IdxFiles.imageFile(2));
        Path labels = IdxFiles.write(dir, "labels", IdxWriter.labels(new byte[] {1, 10}));
        assertThatThrownBy(() -> IdxReader.read("t", images, labels, TEN))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(labels.toString())
                .hasMessageContaining("label 10 at position 1");
    }

    @Test
    void emptyFileIsAnError() {
        Path images = IdxFiles.write(dir, "images", new byte[0]);
        assertThatThrownBy(() -> IdxReader.read("t", images, labels(4), TEN))
                .isInstanceOf(DatasetException.class)
                .hasMessage(images + ": file is empty");
    }

    @Test
    void missingFileIsAnError() {
        Path images = dir.resolve("nowhere");
        assertThatThrownBy(() -> IdxReader.read("t", images, labels(4), TEN))
                .isInstanceOf(DatasetException.class)
                .hasMessage(images + ": file not found");
    }

    @Test
    void negativeImageCountIsAnError() {
        byte[] file = IdxFiles.imageFile(1);
        ByteBuffer.wrap(file).putInt(4, -1);
        assertThatThrownBy(() -> readWithImageFile(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("negative size (4294967295)");
    }
}
