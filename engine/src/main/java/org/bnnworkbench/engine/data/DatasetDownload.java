package org.bnnworkbench.engine.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fetches a known data set into a folder in the layout {@link DatasetCatalog} searches for: the four IDX
 * {@code .gz} files of an MNIST-style set side by side, or CIFAR-10's archive unpacked (its
 * {@code cifar-10-batches-bin} subfolder). The sources and the HTTP client are parameters so that tests can point
 * them at a server on this machine.
 */
final class DatasetDownload {

    private DatasetDownload() {
    }

    /** Downloads {@code known} from {@code sources} (mirrors, or the archive) into {@code targetFolder}. */
    static Path download(KnownDataset known, List<URI> sources, Path targetFolder, HttpDownload http,
                         DownloadProgress progress) {
        switch (known.format()) {
            case EMBEDDED -> throw new DatasetException(known.id() + " is embedded in the workbench; "
                    + "there is nothing to download");
            case IDX -> {
                for (String file : IdxFolder.FILES) {
                    String gz = file + ".gz";
                    List<URI> urls = sources.stream().map(base -> base.resolve(gz)).toList();
                    http.fetch(known.id(), urls, targetFolder.resolve(gz), progress);
                }
            }
            case CIFAR10 -> {
                Path archive = targetFolder.resolve(Path.of(sources.get(0).getPath()).getFileName().toString());
                http.fetch(known.id(), sources, archive, progress);
                TarArchive.extract(archive, targetFolder);
                try {
                    Files.delete(archive);
                } catch (IOException e) {
                    // the data set is complete; a leftover archive only costs disk space
                }
            }
        }
        return targetFolder;
    }
}
