package org.bnnworkbench.experiments.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder of one run: its record {@value #RECORD}, its log {@value #LOG}, the lock file {@value #LOCK} that the
 * training process holds while it runs, and, when asked for, its checkpoint {@value #CHECKPOINT}.
 */
public final class RunDirectory {

    public static final String RECORD = "run.json";
    public static final String CHECKPOINT = "checkpoint.bin";
    public static final String LOG = "run.log";
    public static final String LOCK = "run.lock";

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

    public Path logFile() {
        return path.resolve(LOG);
    }

    public Path lockFile() {
        return path.resolve(LOCK);
    }

    /** Whether a live process is training in this folder now (it holds {@link #lockFile()}). */
    public boolean isInUse() {
        return LockFile.isHeld(lockFile());
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
