package org.bnnworkbench.app.designer.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.engine.io.AtomicFiles;

/** The last designs opened or saved, newest first, kept in one text file (one path per line). */
public final class RecentFiles {

    public static final int LIMIT = 8;

    private final Path store;

    public RecentFiles(Path store) {
        this.store = store;
    }

    public List<Path> list() {
        try {
            if (!Files.exists(store)) {
                return List.of();
            }
            return Files.readAllLines(store).stream().filter(s -> !s.isBlank()).map(Path::of).limit(LIMIT).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    public void add(Path file) {
        List<Path> list = new ArrayList<>(list());
        Path absolute = file.toAbsolutePath().normalize();
        list.remove(absolute);
        list.add(0, absolute);
        try {
            AtomicFiles.writeString(store, String.join("\n", list.stream().limit(LIMIT).map(Path::toString).toList()) + "\n");
        } catch (IOException e) {
            // a lost recent-files entry is not worth interrupting the user for
        }
    }
}
