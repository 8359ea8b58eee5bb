package org.bnnworkbench.experiments.cli;

/**
 * The command was understood but cannot be done: a data file is corrupt, a checkpoint unreadable. Like
 * {@link UsageException}, the message is the complete line shown to the user, starting with the command;
 * {@link BnnCommand} prints it and exits with {@link ExitCode#FAILURE}.
 */
public final class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommandFailedException(String message) {
        super(message);
    }
}
