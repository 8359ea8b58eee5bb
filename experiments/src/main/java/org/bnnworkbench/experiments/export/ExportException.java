package org.bnnworkbench.experiments.export;

/**
 * Why a run cannot be exported, in one line that says what is wrong and where (a path), without a command prefix:
 * {@code bnn export} and the app put their own before it.
 */
public final class ExportException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong; {@link #isArgument()} tells a wrong folder or file name from a run that cannot be exported. */
    public enum Kind {
        /** The folder is missing, or holds no run record. */
        NOT_A_RUN,
        /** The output file cannot be written where it was asked for. */
        OUTPUT,
        /** A live process is training in the run's folder. */
        IN_USE,
        /** The run has no checkpoint: trained without one, or stopped before its first epoch ended. */
        NO_CHECKPOINT,
        /** The record cannot be read, or does not say what network the run trained. */
        RECORD,
        /** The checkpoint cannot be read, or does not fit the run's record. */
        CHECKPOINT,
        /** The run's data set cannot be loaded, or is no longer the one the run trained on. */
        DATASET,
        /** The network has an operation the packed format cannot hold. */
        EXPORT,
        /** Writing the file failed. */
        WRITE,
        /** The packed model read back from the written file does not predict what the training engine predicts. */
        CHECK_FAILED
    }

    private final Kind kind;

    public ExportException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ExportException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the folder or file named is the mistake ({@link Kind#NOT_A_RUN}, {@link Kind#OUTPUT}). */
    public boolean isArgument() {
        return kind == Kind.NOT_A_RUN || kind == Kind.OUTPUT;
    }
}
