package org.bnnworkbench.app.designer.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.engine.io.AtomicFiles;

/**
 * Keeps a copy of unsaved work in {@code <folder>/design.json} (written atomically), with the
 * file it belongs to in {@code design.origin}. After a crash the next start offers to recover it;
 * saving or discarding the design removes it.
 */
public final class Autosave {

    /** A design found in the autosave folder. */
    public record Recovery(Design design, Path origin, Instant savedAt) {
    }

    private final Path folder;

    public Autosave(Path folder) {
        this.folder = folder;
    }

    private Path designFile() {
        return folder.resolve("design.json");
    }

    private Path originFile() {
        return folder.resolve("design.origin");
    }

    public void write(Design design, Path origin) throws IOException {
        AtomicFiles.writeString(originFile(), origin == null ? "" : origin.toAbsolutePath().toString());
        AtomicFiles.writeString(designFile(), DesignFile.write(design));
    }

    public void clear() {
        try {
            Files.deleteIfExists(designFile());
            Files.deleteIfExists(originFile());
        } catch (IOException e) {
            // stale autosave files only lead to a recovery offer that can be declined
        }
    }

    /** The autosaved design, if there is one that can be read. */
    public Optional<Recovery> find() {
        try {
            if (!Files.exists(designFile())) {
                return Optional.empty();
            }
            Design d = DesignFile.load(designFile());
            String origin = Files.exists(originFile()) ? Files.readString(originFile()).trim() : "";
            return Optional.of(new Recovery(d, origin.isEmpty() ? null : Path.of(origin),
                    Files.getLastModifiedTime(designFile()).toInstant()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
