package org.bnnworkbench.experiments.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A file that a live process holds an operating-system lock on ({@link FileChannel#lock}) while it works in a folder:
 * a run while it trains, a sweep while it runs. The system drops the lock when the process ends however it ends,
 * {@code kill -9} included, so "the record says running but nobody holds the lock" reliably means the process is
 * gone. The file itself stays; only the lock on it counts.
 *
 * <p>POSIX locks belong to the process, and closing any channel on the file drops them all; so this JVM remembers the
 * files it holds and never opens a second channel on one of them.
 */
public final class LockFile implements AutoCloseable {

    /** The files this JVM holds; guarded by {@code LockFile.class}. */
    private static final Set<Path> HELD = new HashSet<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private LockFile(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, creating the file if needed; empty if another process or another part of this JVM holds it.
     * On a file system without locks the returned lock holds nothing, and {@link #isHeld} cannot tell.
     */
    public static synchronized Optional<LockFile> tryAcquire(Path file) throws IOException {
        Path key = key(file);
        if (HELD.contains(key)) {
            return Optional.empty();
        }
        FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException e) {
            // no locks here (some network file systems): work on, unguarded
            HELD.add(key);
            return Optional.of(new LockFile(key, channel, null));
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close(); // this JVM held no lock on the file, so closing drops nothing of ours
            return Optional.empty();
        }
        HELD.add(key);
        return Optional.of(new LockFile(key, channel, lock));
    }

    /** Whether a live process (this one included) holds the lock now. */
    public static synchronized boolean isHeld(Path file) {
        Path key = key(file);
        if (HELD.contains(key)) {
            return true;
        }
        if (!Files.isRegularFile(key)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(key, StandardOpenOption.READ)) {
            FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (IOException e) {
            return false; // cannot tell: rather show a live run as interrupted than hide a dead one
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        synchronized (LockFile.class) {
            if (!HELD.remove(file)) {
                return;
            }
            try {
                if (lock != null) {
                    lock.release();
                }
            } finally {
                channel.close();
            }
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
