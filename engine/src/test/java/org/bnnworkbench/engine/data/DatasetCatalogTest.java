package org.bnnworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCatalogTest {

    @TempDir
    Path dir;

    private DatasetCatalog catalogOf(Path... roots) {
        return new DatasetCatalog(List.of(roots), dir.resolve("downloads"));
    }

    @Test
    void searchRootsAreCallerFoldersThenEnvironmentThenUserThenSystem() {
        Path user = Path.of("/home/u/.bnn-workbench/datasets");
        var roots = DatasetCatalog.searchRoots(List.of(Path.of("/extra")),
                "/env/a" + File.pathSeparator + File.pathSeparator + " /env/b ", user);
        assertThat(roots).containsExactly(Path.of("/extra"), Path.of("/env/a"), Path.of("/env/b"), user,
                Path.of("/usr/share/datasets"));
    }

    @Test
    void userRootIsUnderTheHomeFolder() {
        assertThat(DatasetCatalog.userRoot())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".bnn-workbench", "datasets"));
    }

    @Test
    void embeddedSubsetResolvesByNameInAnyCase() {
        var split = catalogOf().resolve("Fashion-MNIST-Subset");
        assertThat(split.train().size()).isEqualTo(10_000);
        assertThat(split.source()).startsWith("classpath:");
    }

    @Test
    void knownNameResolvesFromTheFirstRootThatHoldsIt() {
        Path incomplete = dir.resolve("first");
        IdxFiles.writeFolder(incomplete.resolve("mnist"), 4, 2, true);
        incomplete.resolve("mnist").resolve(IdxFolder.TEST_IMAGES + ".gz").toFile().delete();
        Path complete = dir.resolve("second");
        IdxFiles.writeFolder(complete.resolve("mnist"), 5, 3, false);

        var split = catalogOf(incomplete, complete).resolve("mnist");

        assertThat(split.train().size()).isEqualTo(5);
        assertThat(split.source()).isEqualTo(complete.resolve("mnist").toString());
        assertThat(split.train().classNames()).isEqualTo(KnownDataset.MNIST.classNames());
        assertThat(split.licenceNotice()).isEqualTo(KnownDataset.MNIST.licenceNotice());
    }

    @Test
    void cifarResolvesByNameFromItsArchiveSubfolder() throws IOException {
        Cifar10ReaderTest.writeBatches(dir.resolve("cifar10").resolve(Cifar10Reader.ARCHIVE_FOLDER));
        var split = catalogOf(dir).resolve("cifar10");
        assertThat(split.train().size()).isEqualTo(10);
        assertThat(split.licenceNotice()).contains("Krizhevsky");
    }

    @Test
    void folderPathOfIdxFilesResolvesWithNumberedClasses() {
        Path folder = IdxFiles.writeFolder(dir.resolve("my-digits"), 12, 4, true);
        var split = catalogOf().resolve(folder.toString());
        assertThat(split.train().size()).isEqualTo(12);
        assertThat(split.train().classNames()).hasSize(10).startsWith("0");
        assertThat(split.licenceNotice()).isNull();
    }

    @Test
    void folderPathNamedLikeAKnownDataSetGetsItsClassNames() {
        Path folder = IdxFiles.writeFolder(dir.resolve("fashion-mnist"), 12, 4, false);
        assertThat(catalogOf().resolve(folder.toString()).train().classNames())
                .isEqualTo(KnownDataset.FASHION_MNIST.classNames());
    }

    @Test
    void folderPathOfCifarBatchesResolves() throws IOException {
        Path folder = Cifar10ReaderTest.writeBatches(dir.resolve("c"));
        assertThat(catalogOf().resolve(folder.toString()).test().size()).isEqualTo(3);
    }

    @Test
    void folderOfNeitherFormatSaysWhatIsMissing() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> catalogOf().resolve(folder.toString()))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(folder + ": holds neither IDX files (missing train-images-idx3-ubyte[.gz]")
                .hasMessageContaining("nor CIFAR-10 binary batches (missing data_batch_1.bin");
    }

    @Test
    void unknownNameThatIsNoFolderListsTheKnownNames() {
        assertThatThrownBy(() -> catalogOf().resolve("imagenet"))
                .isInstanceOf(DatasetException.class)
                .hasMessage("unknown data set \"imagenet\": not one of fashion-mnist-subset, fashion-mnist, mnist, "
                        + "cifar10, and no such folder");
    }

    @Test
    void notFoundMessageNamesEveryPlaceSearchedAndHowToGetIt() throws IOException {
        Path a = dir.resolve("a");
        Files.createDirectories(a.resolve("fashion-mnist"));
        Path b = dir.resolve("b");
        assertThatThrownBy(() -> catalogOf(a, b).resolve("fashion-mnist"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("fashion-mnist was not found. Looked in:")
                .hasMessageContaining(a.resolve("fashion-mnist") + " (exists, but lacks train-images-idx3-ubyte[.gz]")
                .hasMessageContaining(b.resolve("fashion-mnist") + " (no such folder)")
                .hasMessageContaining("apt-get install dataset-fashion-mnist")
                .hasMessageContaining("DatasetCatalog.download(\"fashion-mnist\")")
                .hasMessageContaining(dir.resolve("downloads").resolve("fashion-mnist").toString());
    }

    @Test
    void listSaysWhereEachKnownDataSetWasFound() {
        IdxFiles.writeFolder(dir.resolve("mnist"), 2, 2, true);
        var entries = catalogOf(dir).list();
        assertThat(entries).extracting(CatalogEntry::name)
                .containsExactly("fashion-mnist-subset", "fashion-mnist", "mnist", "cifar10");
        assertThat(entries.get(0).location()).startsWith("classpath:");
        assertThat(entries.get(1).found()).isFalse();
        assertThat(entries.get(2).location()).isEqualTo(dir.resolve("mnist").toString());
        assertThat(entries.get(3).location()).isNull();
        assertThat(entries.get(1).licence()).isEqualTo("MIT");
    }

    @Test
    void fashionMnistResolvesByNameFromTheDebianFolder() {
        assumeTrue(Files.isDirectory(FashionMnistSubsetTest.DEBIAN_FOLDER),
                "needs the Debian package dataset-fashion-mnist");
        var split = catalogOf(DatasetCatalog.SYSTEM_ROOT).resolve("fashion-mnist");
        assertThat(split.train().size()).isEqualTo(60_000);
        assertThat(split.licenceNotice()).contains("Zalando SE");
    }

    @Test
    void downloadRefusesTheEmbeddedSubsetAndUnknownNames() {
        assertThatThrownBy(() -> catalogOf().download("fashion-mnist-subset", DownloadProgress.NONE))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("embedded");
        assertThatThrownBy(() -> catalogOf().download("imagenet", DownloadProgress.NONE))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("unknown data set \"imagenet\"");
    }

    @Test
    void downloadWithoutNetworkFailsWithTheUrlAndReason() {
        var http = new HttpDownload(Duration.ofSeconds(2));
        var unreachable = List.of(java.net.URI.create("http://127.0.0.1:1/mnist/"));
        assertThatThrownBy(() -> DatasetDownload.download(KnownDataset.MNIST, unreachable, dir.resolve("mnist"), http,
                DownloadProgress.NONE))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("could not download mnist from http://127.0.0.1:1/mnist/"
                        + "train-images-idx3-ubyte.gz: connection refused");
    }

    @Test
    void downloadedIdxFilesAreFoundByName() {
        var http = new HttpDownload(Duration.ofSeconds(2));
        Path source = IdxFiles.writeFolder(dir.resolve("served"), 6, 2, true);
        try (var server = new LoopbackServer()) {
            for (String file : IdxFolder.FILES) {
                server.serve("/mnist/" + file + ".gz", read(source.resolve(file + ".gz")));
            }
            Path root = dir.resolve("root");
            DatasetDownload.download(KnownDataset.MNIST, List.of(server.url("/mnist/")), root.resolve("mnist"), http,
                    DownloadProgress.NONE);
            assertThat(catalogOf(root).resolve("mnist").train().size()).isEqualTo(6);
        }
    }

    @Test
    void downloadedCifarArchiveIsUnpackedAndFoundByName() throws IOException {
        var http = new HttpDownload(Duration.ofSeconds(2));
        var tar = new TarBuilder().folder("cifar-10-batches-bin/");
        for (int b = 0; b < 5; b++) {
            tar.file("cifar-10-batches-bin/" + Cifar10Reader.TRAIN_FILES.get(b), Cifar10ReaderTest.records(b, 1));
        }
        tar.file("cifar-10-batches-bin/test_batch.bin", Cifar10ReaderTest.records(5, 2));
        try (var server = new LoopbackServer().serve("/kriz/cifar-10-binary.tar.gz", Gzip.deflate(tar.build()))) {
            Path root = dir.resolve("root");
            Path folder = DatasetDownload.download(KnownDataset.CIFAR10,
                    List.of(server.url("/kriz/cifar-10-binary.tar.gz")), root.resolve("cifar10"), http,
                    DownloadProgress.NONE);
            assertThat(folder.resolve("cifar-10-binary.tar.gz")).doesNotExist();
            var split = catalogOf(root).resolve("cifar10");
            assertThat(split.train().size()).isEqualTo(5);
            assertThat(split.test().size()).isEqualTo(2);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
