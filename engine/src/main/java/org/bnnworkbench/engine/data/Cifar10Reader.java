package org.bnnworkbench.engine.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the binary version of CIFAR-10 (Krizhevsky 2009, https://www.cs.toronto.edu/~kriz/cifar.html): five
 * training batches {@code data_batch_1.bin .. data_batch_5.bin} and {@code test_batch.bin}, each a plain sequence
 * of 3,073-byte records: one label byte (0..9), then 1,024 red, 1,024 green and 1,024 blue pixels of a 32x32 image
 * in row-major order. A record is thus already one image in CHW order and is copied as it is.
 *
 * <p>The format has no header, so the file length is the only check that a batch is whole: it must be a non-zero
 * multiple of the record size.
 */
public final class Cifar10Reader {

    static final int SIDE = 32;
    static final int CHANNELS = 3;
    static final int RECORD = 1 + CHANNELS * SIDE * SIDE;
    static final int CLASSES = 10;
    static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");
    static final String TEST_FILE = "test_batch.bin";
    static final String META_FILE = "batches.meta.txt";
    /** The folder the official archive unpacks into. */
    static final String ARCHIVE_FOLDER = "cifar-10-batches-bin";

    private Cifar10Reader() {
    }

    /** True if {@code folder}, or its {@code cifar-10-batches-bin} subfolder, holds all six batches. */
    public static boolean holdsCifar10(Path folder) {
        return batchesFolder(folder) != null;
    }

    /** Reads the six batches from {@code folder} or its {@code cifar-10-batches-bin} subfolder. */
    public static DatasetSplit read(Path folder) {
        Path batches = batchesFolder(folder);
        if (batches == null) {
            Path reported = Files.isDirectory(folder.resolve(ARCHIVE_FOLDER)) ? folder.resolve(ARCHIVE_FOLDER) : folder;
            throw new DatasetException(reported.toString(), "not a CIFAR-10 binary folder: missing "
                    + String.join(", ", missing(reported)));
        }
        List<String> classNames = classNames(batches);
        List<DataFile> trainFiles = TRAIN_FILES.stream().map(name -> DataFile.read(batches.resolve(name))).toList();
        var train = read("cifar10 (train)", trainFiles, classNames);
        var test = read("cifar10 (test)", List.of(DataFile.read(batches.resolve(TEST_FILE))), classNames);
        return new DatasetSplit(train, test, batches.toString(), null);
    }

    static Path batchesFolder(Path folder) {
        for (Path candidate : List.of(folder, folder.resolve(ARCHIVE_FOLDER))) {
            if (missing(candidate).isEmpty()) {
                return candidate;
            }
        }
        return null;
    }

    static List<String> missing(Path folder) {
        List<String> missing = new ArrayList<>();
        for (String name : TRAIN_FILES) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                missing.add(name);
            }
        }
        if (!Files.isRegularFile(folder.resolve(TEST_FILE))) {
            missing.add(TEST_FILE);
        }
        return missing;
    }

    /** Concatenates the records of {@code files}, in order, into one data set. */
    static LabelledImages read(String name, List<DataFile> files, List<String> classNames) {
        List<byte[]> contents = new ArrayList<>();
        long records = 0;
        for (DataFile file : files) {
            byte[] content = file.content();
            if (content.length % RECORD != 0) {
                throw file.problem("length " + content.length + " is not a multiple of the " + RECORD
                        + "-byte CIFAR-10 record (1 label byte + 3x32x32 pixels): " + content.length / RECORD
                        + " whole records and " + content.length % RECORD + " bytes more; the file is probably "
                        + "truncated");
            }
            for (int offset = 0; offset < content.length; offset += RECORD) {
                int label = content[offset] & 0xFF;
                if (label >= CLASSES) {
                    throw file.problem("record " + offset / RECORD + " has label " + label
                            + "; CIFAR-10 labels are 0.." + (CLASSES - 1));
                }
            }
            contents.add(content);
            records += content.length / RECORD;
        }
        int imageSize = RECORD - 1;
        byte[] pixels = new byte[Math.toIntExact(records * imageSize)];
        byte[] labels = new byte[(int) records];
        int image = 0;
        for (byte[] content : contents) {
            for (int offset = 0; offset < content.length; offset += RECORD, image++) {
                labels[image] = content[offset];
                System.arraycopy(content, offset + 1, pixels, image * imageSize, imageSize);
            }
        }
        return LabelledImages.adopt(name, CHANNELS, SIDE, SIDE, classNames, pixels, labels);
    }

    /** The class names from {@code batches.meta.txt} (one per line), or the published ones if it is absent. */
    static List<String> classNames(Path batches) {
        Path meta = batches.resolve(META_FILE);
        if (!Files.isRegularFile(meta)) {
            return KnownDataset.CIFAR10.classNames();
        }
        try {
            List<String> names = Files.readAllLines(meta, StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (names.size() != CLASSES) {
                throw new DatasetException(meta.toString(), "names " + names.size() + " classes, expected "
                        + CLASSES + " (one per line)");
            }
            return names;
        } catch (IOException e) {
            throw new DatasetException(meta.toString(), "could not read class names (" + e + ")", e);
        }
    }
}
