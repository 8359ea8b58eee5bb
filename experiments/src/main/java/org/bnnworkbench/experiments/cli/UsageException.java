package org.bnnworkbench.experiments.cli;

/**
 * A mistake on the command line. The message is the complete line shown to the user, starting with the command,
 * e.g. {@code bnn train: --epochs expects a positive integer, got 'abc'}.
 */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
