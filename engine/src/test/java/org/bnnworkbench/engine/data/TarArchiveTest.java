package org.bnnworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarArchiveTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void unpacksFilesAndFoldersOfATarGz() throws IOException {
        byte[] big = Cifar10ReaderTest.records(0, 3); // not a multiple of 512: exercises the padding
        byte[] tar = new TarBuilder().folder("cifar-10-batches-bin/")
                .file("cifar-10-batches-bin/data_batch_1.bin", big)
                .file("cifar-10-batches-bin/batches.meta.txt", "airplane\n".getBytes())
                .build();
        Path archive = write("a.tar.gz", Gzip.deflate(tar));
        Path target = dir.resolve("out");

        var made = TarArchive.extract(archive, target);

        assertThat(made).containsExactly(Path.of("cifar-10-batches-bin/data_batch_1.bin"),
                Path.of("cifar-10-batches-bin/batches.meta.txt"));
        assertThat(Files.readAllBytes(target.resolve("cifar-10-batches-bin/data_batch_1.bin"))).isEqualTo(big);
        assertThat(Files.readString(target.resolve("cifar-10-batches-bin/batches.meta.txt"))).isEqualTo("airplane\n");
        try (Stream<Path> files = Files.walk(target)) {
            assertThat(files.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void unpacksAnUncompressedTarToo() throws IOException {
        Path archive = write("a.tar", new TarBuilder().file("x.txt", "x".getBytes()).build());
        TarArchive.extract(archive, dir.resolve("out"));
        assertThat(dir.resolve("out/x.txt")).hasContent("x");
    }

    @Test
    void gnuLongNamesAreHonoured() throws IOException {
        String name = "d/" + "n".repeat(120) + ".bin";
        Path archive = write("a.tar", new TarBuilder().longNamedFile(name, new byte[] {1, 2}).build());
        TarArchive.extract(archive, dir.resolve("out"));
        assertThat(Files.readAllBytes(dir.resolve("out").resolve(name))).containsExactly(1, 2);
    }

    @Test
    void paxLongNamesAreHonoured() throws IOException {
        String name = "d/" + "p".repeat(120) + ".bin";
        Path archive = write("a.tar", new TarBuilder().paxNamedFile(name, new byte[] {3}).build());
        TarArchive.extract(archive, dir.resolve("out"));
        assertThat(Files.readAllBytes(dir.resolve("out").resolve(name))).containsExactly(3);
    }

    @Test
    void entryClimbingOutOfTheTargetIsRefused() throws IOException {
        Path archive = write("evil.tar", new TarBuilder().file("../escaped.txt", "x".getBytes()).build());
        assertThatThrownBy(() -> TarArchive.extract(archive, dir.resolve("out")))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("../escaped.txt would be written outside");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void truncatedTarSaysSo() throws IOException {
        byte[] tar = new TarBuilder().file("x.bin", new byte[2000]).build();
        Path archive = write("cut.tar", Arrays.copyOf(tar, 1024));
        assertThatThrownBy(() -> TarArchive.extract(archive, dir.resolve("out")))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(archive.toString())
                .hasMessageContaining("truncated tar archive: entry x.bin is cut short");
        assertThat(dir.resolve("out/x.bin")).doesNotExist();
        assertThat(dir.resolve("out/x.bin.part")).doesNotExist();
    }

    @Test
    void truncatedGzipOfATarSaysSo() throws IOException {
        byte[] gzip = Gzip.deflate(new TarBuilder().file("x.bin", Cifar10ReaderTest.records(0, 2)).build());
        Path archive = write("cut.tar.gz", Arrays.copyOf(gzip, gzip.length / 2));
        assertThatThrownBy(() -> TarArchive.extract(archive, dir.resolve("out")))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("truncated or corrupt gzip");
    }

    @Test
    void damagedHeaderFailsItsChecksum() throws IOException {
        byte[] tar = new TarBuilder().file("x.bin", new byte[10]).build();
        tar[3] ^= 1;
        Path archive = write("bad.tar", tar);
        assertThatThrownBy(() -> TarArchive.extract(archive, dir.resolve("out")))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("corrupt tar header");
    }
}
