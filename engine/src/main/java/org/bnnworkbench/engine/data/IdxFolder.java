package org.bnnworkbench.engine.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A folder holding the four IDX files of an MNIST-style data set under their standard names
 * ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte},
 * {@code t10k-labels-idx1-ubyte}), each either raw or with {@code .gz}. When both forms are present, the raw one is
 * read, since it needs no unpacking.
 */
public final class IdxFolder {

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    private IdxFolder() {
    }

    /** True when all four standard files are there (raw or gzipped). */
    public static boolean holdsIdx(Path folder) {
        return missing(folder).isEmpty();
    }

    /** The standard files that are absent, named as {@code train-images-idx3-ubyte[.gz]}. */
    static List<String> missing(Path folder) {
        List<String> missing = new ArrayList<>();
        for (String name : FILES) {
            if (find(folder, name) == null) {
                missing.add(name + "[.gz]");
            }
        }
        return missing;
    }

    /** Reads the folder; labels must be below {@code classNames.size()}. */
    public static DatasetSplit read(String name, Path folder, List<String> classNames) {
        var train = IdxReader.read(name + " (train)", file(folder, TRAIN_IMAGES), file(folder, TRAIN_LABELS),
                classNames);
        var test = IdxReader.read(name + " (test)", file(folder, TEST_IMAGES), file(folder, TEST_LABELS),
                classNames);
        return new DatasetSplit(train, test, folder.toString(), null);
    }

    /**
     * Reads a folder of unknown origin: the classes are named "0", "1", ... up to the highest label found in either
     * split, since nothing else tells how many there are.
     */
    public static DatasetSplit read(String name, Path folder) {
        int highest = Math.max(highestLabel(folder, TRAIN_LABELS), highestLabel(folder, TEST_LABELS));
        return read(name, folder, numbered(highest + 1));
    }

    static List<String> numbered(int classes) {
        return IntStream.range(0, classes).mapToObj(Integer::toString).toList();
    }

    private static int highestLabel(Path folder, String labelFile) {
        int highest = 0;
        for (byte label : IdxReader.labels(file(folder, labelFile))) {
            highest = Math.max(highest, label & 0xFF);
        }
        return highest;
    }

    private static DataFile file(Path folder, String name) {
        Path path = find(folder, name);
        return DataFile.read(path != null ? path : folder.resolve(name + ".gz"));
    }

    private static Path find(Path folder, String name) {
        for (Path candidate : List.of(folder.resolve(name), folder.resolve(name + ".gz"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
