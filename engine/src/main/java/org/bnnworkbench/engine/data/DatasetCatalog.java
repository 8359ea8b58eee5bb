package org.bnnworkbench.engine.data;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns what a user types (a data set's name or a folder) into a {@link DatasetSplit}, and says where it looked
 * when it cannot.
 *
 * <p>A named data set is searched as {@code <root>/<name>/} under these roots, in order: folders the caller gives,
 * the entries of the {@code BNN_DATASETS} environment variable (a path list), {@code ~/.bnn-workbench/datasets}
 * (where {@link #download} puts things) and {@code /usr/share/datasets} (where Debian's
 * {@code dataset-fashion-mnist} installs Fashion-MNIST). The first root whose folder holds the whole data set wins.
 */
public final class DatasetCatalog {

    /** Environment variable with extra search roots, separated like PATH. */
    public static final String ENVIRONMENT_VARIABLE = "BNN_DATASETS";
    static final Path SYSTEM_ROOT = Path.of("/usr/share/datasets");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    private final List<Path> roots;
    private final Path downloadRoot;

    /** The standard search roots only. */
    public DatasetCatalog() {
        this(List.of());
    }

    /** The standard search roots, after {@code extraRoots}. */
    public DatasetCatalog(List<Path> extraRoots) {
        this(searchRoots(extraRoots, System.getenv(ENVIRONMENT_VARIABLE), userRoot()), userRoot());
    }

    /** Exactly these search roots and this download folder; for tests. */
    DatasetCatalog(List<Path> roots, Path downloadRoot) {
        this.roots = List.copyOf(roots);
        this.downloadRoot = downloadRoot;
    }

    /** {@code ~/.bnn-workbench/datasets}, from the {@code user.home} system property. */
    public static Path userRoot() {
        return Path.of(System.getProperty("user.home"), ".bnn-workbench", "datasets");
    }

    static List<Path> searchRoots(List<Path> extraRoots, String environmentValue, Path userRoot) {
        List<Path> roots = new ArrayList<>(extraRoots);
        if (environmentValue != null) {
            Arrays.stream(environmentValue.split(File.pathSeparator))
                    .map(String::strip).filter(entry -> !entry.isEmpty()).map(Path::of).forEach(roots::add);
        }
        roots.add(userRoot);
        roots.add(SYSTEM_ROOT);
        return roots;
    }

    /** The roots searched, in order. */
    public List<Path> roots() {
        return roots;
    }

    /** Every known data set and where, if anywhere, it was found. */
    public List<CatalogEntry> list() {
        return Arrays.stream(KnownDataset.values())
                .map(known -> new CatalogEntry(known.id(), known.description(), location(known), known.licence(),
                        known.homepage()))
                .toList();
    }

    private String location(KnownDataset known) {
        if (known.format() == KnownDataset.Format.EMBEDDED) {
            return "classpath:" + FashionMnistSubset.RESOURCES;
        }
        Path folder = locate(known);
        return folder == null ? null : folder.toString();
    }

    /** The first folder holding {@code known}, or null. The embedded subset has no folder. */
    public Path locate(KnownDataset known) {
        for (Path root : roots) {
            Path folder = root.resolve(known.id());
            if (holds(known.format(), folder)) {
                return folder;
            }
        }
        return null;
    }

    private static boolean holds(KnownDataset.Format format, Path folder) {
        return switch (format) {
            case EMBEDDED -> false;
            case IDX -> IdxFolder.holdsIdx(folder);
            case CIFAR10 -> Cifar10Reader.holdsCifar10(folder);
        };
    }

    /**
     * Loads a data set by name ({@code fashion-mnist-subset}, {@code fashion-mnist}, {@code mnist}, {@code cifar10},
     * any case) or from a folder holding IDX files under their standard names or CIFAR-10 binary batches.
     *
     * @throws DatasetException if it is not found (the message lists where it looked and how to get it) or a file
     *                          in it is broken
     */
    public DatasetSplit resolve(String nameOrPath) {
        KnownDataset known = KnownDataset.byId(nameOrPath.strip().toLowerCase(Locale.ROOT));
        if (known != null) {
            return load(known);
        }
        Path folder = asPath(nameOrPath);
        if (folder == null || !Files.exists(folder)) {
            throw new DatasetException("unknown data set \"" + nameOrPath + "\": not one of " + knownNames()
                    + ", and no such folder");
        }
        return loadFolder(folder);
    }

    private DatasetSplit load(KnownDataset known) {
        if (known.format() == KnownDataset.Format.EMBEDDED) {
            return FashionMnistSubset.load();
        }
        Path folder = locate(known);
        if (folder == null) {
            throw new DatasetException(notFound(known));
        }
        DatasetSplit split = known.format() == KnownDataset.Format.IDX
                ? IdxFolder.read(known.id(), folder, known.classNames())
                : Cifar10Reader.read(folder);
        return split.withLicenceNotice(known.licenceNotice());
    }

    /** A folder given by path: its format is detected; its origin is unknown, so it gets no licence notice. */
    private static DatasetSplit loadFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(folder.toString(), "is a file; give the folder that holds the data set");
        }
        if (IdxFolder.holdsIdx(folder)) {
            String name = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
            // a folder named like a known IDX data set (".../mnist") gets that data set's class names
            KnownDataset named = KnownDataset.byId(name.toLowerCase(Locale.ROOT));
            return named != null && named.format() == KnownDataset.Format.IDX
                    ? IdxFolder.read(name, folder, named.classNames())
                    : IdxFolder.read(name, folder);
        }
        if (Cifar10Reader.holdsCifar10(folder)) {
            return Cifar10Reader.read(folder);
        }
        throw new DatasetException(folder.toString(), "holds neither IDX files (missing "
                + String.join(", ", IdxFolder.missing(folder)) + ") nor CIFAR-10 binary batches (missing "
                + String.join(", ", Cifar10Reader.missing(folder)) + ")");
    }

    private String notFound(KnownDataset known) {
        var message = new StringBuilder(known.id()).append(" was not found. Looked in:");
        for (Path root : roots) {
            Path folder = root.resolve(known.id());
            message.append("\n  ").append(folder).append(" (").append(whyNot(known.format(), folder)).append(')');
        }
        message.append("\nTo get it: ");
        if (known == KnownDataset.FASHION_MNIST) {
            message.append("on Debian, apt-get install dataset-fashion-mnist; or ");
        }
        message.append("download it (DatasetCatalog.download(\"").append(known.id()).append("\")) from ")
                .append(known.sources().get(0)).append(" into ").append(downloadRoot.resolve(known.id()))
                .append(", or put ").append(known.format() == KnownDataset.Format.IDX
                        ? "its four IDX files (" + String.join(".gz, ", IdxFolder.FILES) + ".gz)"
                        : "the unpacked " + Cifar10Reader.ARCHIVE_FOLDER + " folder")
                .append(" there yourself (see ").append(known.homepage()).append(')');
        return message.toString();
    }

    private static String whyNot(KnownDataset.Format format, Path folder) {
        if (!Files.isDirectory(folder)) {
            return "no such folder";
        }
        List<String> missing = format == KnownDataset.Format.IDX ? IdxFolder.missing(folder)
                : Cifar10Reader.missing(folder);
        return "exists, but lacks " + String.join(", ", missing);
    }

    /** Downloads a known data set into {@code ~/.bnn-workbench/datasets/<name>/}, where {@link #resolve} finds it. */
    public Path download(String name, DownloadProgress progress) {
        return download(name, downloadRoot.resolve(name.strip().toLowerCase(Locale.ROOT)), progress);
    }

    /**
     * Downloads a known data set from its public home into {@code targetFolder}. Each file arrives under a temporary
     * name and is renamed into place when complete; the CIFAR-10 archive is unpacked the same way and then deleted.
     *
     * @return the folder, ready for {@link #resolve} with its path (or with the name, if it is under a search root)
     * @throws DatasetException "could not download {name} from {url}: {reason}", e.g. without network
     */
    public Path download(String name, Path targetFolder, DownloadProgress progress) {
        KnownDataset known = KnownDataset.byId(name.strip().toLowerCase(Locale.ROOT));
        if (known == null) {
            throw new DatasetException("unknown data set \"" + name + "\": can download " + knownNames());
        }
        return DatasetDownload.download(known, known.sources(), targetFolder, new HttpDownload(CONNECT_TIMEOUT),
                progress);
    }

    private static String knownNames() {
        return Arrays.stream(KnownDataset.values()).map(KnownDataset::id).collect(Collectors.joining(", "));
    }

    private static Path asPath(String text) {
        try {
            return Path.of(text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
