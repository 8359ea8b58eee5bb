package org.bnnworkbench.engine.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data set that is always there: a class-balanced subset of Fashion-MNIST (Xiao, Rasul and Vollgraf 2017,
 * MIT licence) shipped inside the engine jar, so the workbench can train something on its first start without a
 * download.
 *
 * <p>It holds the first {@value #TRAIN_PER_CLASS} training images of each class and the first
 * {@value #TEST_PER_CLASS} test images of each class, in their original file order: 10,000 training and 2,000 test
 * images. "First in file order" rather than a random draw makes it reproducible from the published files by anyone,
 * with no seed to agree on. {@link #write} regenerates the committed files byte for byte.
 */
public final class FashionMnistSubset {

    public static final String NAME = "fashion-mnist-subset";
    public static final int TRAIN_PER_CLASS = 1_000;
    public static final int TEST_PER_CLASS = 200;
    /** Classpath folder of the four IDX files; a classpath location, so it also works inside a shaded jar. */
    static final String RESOURCES = "/org/bnnworkbench/engine/data/fashion-mnist-subset/";
    private static final Path DEBIAN_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
    private static final Path SOURCE_TREE_FOLDER =
            Path.of("engine/src/main/resources" + RESOURCES);

    private FashionMnistSubset() {
    }

    /** Loads the embedded subset from the classpath. */
    public static DatasetSplit load() {
        var classes = KnownDataset.FASHION_MNIST.classNames();
        var train = IdxReader.read(NAME + " (train)", resource(IdxFolder.TRAIN_IMAGES),
                resource(IdxFolder.TRAIN_LABELS), classes);
        var test = IdxReader.read(NAME + " (test)", resource(IdxFolder.TEST_IMAGES),
                resource(IdxFolder.TEST_LABELS), classes);
        return new DatasetSplit(train, test, "classpath:" + RESOURCES,
                KnownDataset.FASHION_MNIST_SUBSET.licenceNotice());
    }

    private static DataFile resource(String idxName) {
        return DataFile.resource(RESOURCES + idxName + ".gz");
    }

    /**
     * Regenerates the four {@code .gz} files into {@code targetFolder} from the full Fashion-MNIST in
     * {@code sourceFolder}, gzipped at level 9 with a fixed header so the output is byte-identical every time.
     */
    public static void write(Path sourceFolder, Path targetFolder) {
        var full = IdxFolder.read("fashion-mnist", sourceFolder, KnownDataset.FASHION_MNIST.classNames());
        try {
            Files.createDirectories(targetFolder);
            writeSplit(full.train().subset(firstOfEachClass(full.train(), TRAIN_PER_CLASS)), targetFolder,
                    IdxFolder.TRAIN_IMAGES, IdxFolder.TRAIN_LABELS);
            writeSplit(full.test().subset(firstOfEachClass(full.test(), TEST_PER_CLASS)), targetFolder,
                    IdxFolder.TEST_IMAGES, IdxFolder.TEST_LABELS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Indices, in increasing order, of the first {@code perClass} images of each class.
     *
     * @throws DatasetException if some class has fewer images than that
     */
    static int[] firstOfEachClass(LabelledImages images, int perClass) {
        int[] taken = new int[images.classes()];
        int[] indices = new int[perClass * images.classes()];
        int n = 0;
        for (int i = 0; i < images.size() && n < indices.length; i++) {
            int label = images.label(i);
            if (taken[label] < perClass) {
                taken[label]++;
                indices[n++] = i;
            }
        }
        if (n < indices.length) {
            throw new DatasetException(images.name() + ": some class has fewer than " + perClass + " images");
        }
        return indices;
    }

    private static void writeSplit(LabelledImages images, Path folder, String imagesName, String labelsName)
            throws IOException {
        byte[] pixels = new byte[images.size() * images.imageSize()];
        byte[] labels = new byte[images.size()];
        for (int i = 0; i < images.size(); i++) {
            labels[i] = (byte) images.label(i);
            for (int y = 0; y < images.height(); y++) {
                for (int x = 0; x < images.width(); x++) {
                    pixels[(i * images.height() + y) * images.width() + x] = (byte) images.pixel(i, 0, y, x);
                }
            }
        }
        byte[] imageFile = IdxWriter.images(images.size(), images.height(), images.width(), pixels);
        Files.write(folder.resolve(imagesName + ".gz"), Gzip.deflate(imageFile));
        Files.write(folder.resolve(labelsName + ".gz"), Gzip.deflate(IdxWriter.labels(labels)));
    }

    /**
     * Regenerates the committed files. Arguments: [source folder [target folder]], by default the Debian package's
     * folder and the engine's resources folder (run from the repository root).
     */
    public static void main(String[] args) {
        Path source = args.length > 0 ? Path.of(args[0]) : DEBIAN_FOLDER;
        Path target = args.length > 1 ? Path.of(args[1]) : SOURCE_TREE_FOLDER;
        write(source, target);
        System.out.println("wrote " + NAME + " from " + source + " to " + target);
    }
}
