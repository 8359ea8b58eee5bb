package org.bnnworkbench.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a crash never leaves a half-written one: the content goes to a temporary
 * file in the same folder, is forced to disk, and then renamed over the target in one step. The target has the
 * permissions any new file of the user gets.
 */
public final class AtomicFiles {

    /** Writes the content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Looks at the complete temporary file before it replaces the target; throwing keeps the target as it was. */
    @FunctionalInterface
    public interface Verifier {
        void verify(Path written) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static void write(Path file, Content content) throws IOException {
        write(file, content, written -> { });
    }

    /**
     * Like {@link #write(Path, Content)}, but the verifier reads the written temporary file (on disk, forced) before
     * it is renamed over the target. When the verifier throws, the temporary file is deleted and the target is left
     * untouched: it does not appear if it did not exist, and keeps its old content if it did.
     */
    public static void write(Path file, Content content, Verifier verifier) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = temporaryBeside(dir, file.getFileName().toString());
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            verifier.verify(tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A new empty file {@code .<name>.<random>.tmp} in the folder, created like any other file (so the target gets the
     * usual permissions of the user's umask: {@link Files#createTempFile} would make it readable by its owner only).
     */
    private static Path temporaryBeside(Path dir, String name) throws IOException {
        while (true) {
            Path tmp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + ".tmp");
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                // taken: draw another name
            }
        }
    }
}
