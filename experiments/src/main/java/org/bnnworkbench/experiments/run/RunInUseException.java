package org.bnnworkbench.experiments.run;

/** Another process (or another run in this one) is training in the folder: its lock file is held. */
public final class RunInUseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public RunInUseException(String message) {
        super(message);
    }
}
