package org.bnnworkbench.engine.data;

/**
 * Told how a download is going, so a UI can show a bar and a CLI a percentage. Called from the downloading thread;
 * a UI must hand the numbers over to its own thread.
 */
@FunctionalInterface
public interface DownloadProgress {

    /** Ignores all progress. */
    DownloadProgress NONE = (file, bytesDone, bytesTotal) -> { };

    /**
     * @param file       the file being fetched (its name, not its URL)
     * @param bytesDone  bytes received so far
     * @param bytesTotal the size announced by the server, or -1 if it announced none
     */
    void update(String file, long bytesDone, long bytesTotal);
}
