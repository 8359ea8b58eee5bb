package org.bnnworkbench.experiments.sweep;

/**
 * A sweep file that cannot be run: malformed JSON, an unknown field or parameter, a bad value, an empty grid list, a
 * point whose network cannot be built. The message is one line that starts with the field, e.g.
 * {@code grid.clip: expects a positive number, got '-1'}.
 */
public final class SweepFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public SweepFileException(String field, String problem) {
        super(field == null || field.isEmpty() ? problem : field + ": " + problem);
    }
}
