package org.bnnworkbench.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The whole content of one data file together with where it came from, so every problem found while parsing it
 * can be reported against that file. Data files are read whole: the largest one handled here (Fashion-MNIST's
 * training images, 47 MB unpacked) is small next to the heap, and parsing a byte array is simpler and faster than
 * parsing a stream.
 */
final class DataFile {

    private final String where;
    private final byte[] bytes;

    DataFile(String where, byte[] bytes) {
        this.where = where;
        this.bytes = bytes;
    }

    /** Reads a file from disk; a missing, unreadable or empty file is a {@link DatasetException}. */
    static DataFile read(Path path) {
        String where = path.toString();
        try {
            return nonEmpty(new DataFile(where, Files.readAllBytes(path)));
        } catch (NoSuchFileException e) {
            throw new DatasetException(where, "file not found");
        } catch (AccessDeniedException e) {
            throw new DatasetException(where, "permission denied");
        } catch (IOException e) {
            throw new DatasetException(where, "could not read the file (" + e + ")", e);
        }
    }

    /** Reads a resource from the classpath, which also works from inside a (shaded) jar. */
    static DataFile resource(String absoluteName) {
        String where = "classpath:" + absoluteName;
        try (InputStream in = DataFile.class.getResourceAsStream(absoluteName)) {
            if (in == null) {
                throw new DatasetException(where, "resource not found on the classpath");
            }
            return nonEmpty(new DataFile(where, in.readAllBytes()));
        } catch (IOException e) {
            throw new DatasetException(where, "could not read the resource (" + e + ")", e);
        }
    }

    private static DataFile nonEmpty(DataFile file) {
        if (file.bytes.length == 0) {
            throw file.problem("file is empty");
        }
        return file;
    }

    String where() {
        return where;
    }

    /** The content, gunzipped when it starts with the gzip magic bytes (whatever the file is called). */
    byte[] content() {
        return Gzip.isGzip(bytes) ? Gzip.inflate(where, bytes) : bytes;
    }

    DatasetException problem(String problem) {
        return new DatasetException(where, problem);
    }
}
