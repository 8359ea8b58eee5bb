package org.bnnworkbench.experiments.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder of one run: its record {@value #RECORD} and, when asked for, its checkpoint {@value #CHECKPOINT}.
 */
public final class RunDirectory {

    public static final String RECORD = "run.json";
    public static final String CHECKPOINT = "checkpoint.bin";

    private final Path path;

    public RunDirectory(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public Path recordFile() {
        return path.resolve(RECORD);
    }

    public Path checkpointFile() {
        return path.resolve(CHECKPOINT);
    }

    public boolean hasRecord() {
        return Files.exists(recordFile());
    }

    public boolean hasCheckpoint() {
        return Files.isRegularFile(checkpointFile());
    }

    public RunRecord readRecord() throws IOException {
        return RunRecordJson.read(recordFile());
    }

    public void write(RunRecord record) throws IOException {
        RunRecordJson.write(recordFile(), record);
    }
}
