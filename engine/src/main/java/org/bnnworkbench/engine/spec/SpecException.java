package org.bnnworkbench.engine.spec;

/**
 * A network spec is invalid or cannot be read. The message names the block (when there is one)
 * and says what is wrong, e.g. {@code block 's2b1': input has 160 channels, improvement needs at
 * least 64}.
 */
public final class SpecException extends RuntimeException {

    private final String blockId;

    public SpecException(String blockId, String problem) {
        super(blockId == null ? problem : "block '" + blockId + "': " + problem);
        this.blockId = blockId;
    }

    public SpecException(String problem, Throwable cause) {
        super(problem, cause);
        this.blockId = null;
    }

    /** The block the problem is in, or null for problems of the whole spec or file. */
    public String blockId() {
        return blockId;
    }
}
