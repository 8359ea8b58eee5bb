package org.bnnworkbench.engine.data;

/**
 * A data set could not be found, read or trusted.
 *
 * <p>Unchecked, because the caller (a CLI, a UI dialog, a test) can do nothing better than show the message; the
 * message is written for a person: it names the file (or the places searched) and says what is wrong in plain words,
 * so nobody has to read a stack trace to learn that a download was cut short.
 */
public class DatasetException extends RuntimeException {

    private final String file;

    /** A problem with one file or folder; {@code file} is a path or a classpath location. */
    public DatasetException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** As {@link #DatasetException(String, String)}, keeping the low-level cause for logs. */
    public DatasetException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** A problem that is not about one file, e.g. a data set that is nowhere to be found. */
    public DatasetException(String problem) {
        super(problem);
        this.file = null;
    }

    /** The file or folder at fault, or null when the problem is not about one file. */
    public String file() {
        return file;
    }
}
