package org.bnnworkbench.experiments.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bnnworkbench.engine.data.DatasetCatalog;
import org.bnnworkbench.engine.data.DatasetException;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.engine.data.KnownDataset;

/** A data set as the user names it, a known name or a folder, loaded with one-line messages for what goes wrong. */
final class DatasetArgument {

    private DatasetArgument() {
    }

    /**
     * @param prefix what messages start with, e.g. {@code bnn train}
     * @param field  where the name was given, e.g. {@code --dataset}
     * @throws UsageException if the name is neither known nor a folder
     * @throws CommandFailedException if the data cannot be read
     */
    static DatasetSplit load(String nameOrPath, String prefix, String field) {
        if (KnownDataset.byId(nameOrPath.strip().toLowerCase(Locale.ROOT)) == null) {
            Path folder;
            try {
                folder = Path.of(nameOrPath.startsWith("~/")
                        ? System.getProperty("user.home") + nameOrPath.substring(1) : nameOrPath);
            } catch (InvalidPathException e) {
                folder = null;
            }
            if (folder == null || !Files.exists(folder)) {
                throw new UsageException(prefix + ": " + field + " expects one of " + knownDatasets()
                        + " or a folder, got '" + nameOrPath + "' (no such folder)");
            }
            if (!Files.isDirectory(folder)) {
                throw new UsageException(prefix + ": " + field + " '" + nameOrPath
                        + "' is a file; give the folder that holds it");
            }
        }
        try {
            return new DatasetCatalog().resolve(nameOrPath);
        } catch (DatasetException | IllegalArgumentException e) {
            throw new CommandFailedException(prefix + ": " + TrainCommand.oneLine(e.getMessage()));
        }
    }

    private static String knownDatasets() {
        return Arrays.stream(KnownDataset.values()).map(KnownDataset::id).collect(Collectors.joining(", "));
    }
}
