package org.bnnworkbench.experiments.report;

/** A report cannot be made: a bad input folder, an unknown format, a file that cannot be written. One line. */
public final class ReportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
