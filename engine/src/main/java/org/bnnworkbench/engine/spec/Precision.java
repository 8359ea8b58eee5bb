package org.bnnworkbench.engine.spec;

/**
 * Whether the binary blocks of a spec are built binary, or as their full-precision twin: every
 * binary conv becomes a 32-bit conv and every sign a ReLU, so the accuracy gap between a design and
 * its twin can be measured with everything else equal.
 */
public enum Precision {
    BINARY,
    FULL;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Precision parse(String id) {
        return switch (id.toLowerCase(java.util.Locale.ROOT)) {
            case "binary" -> BINARY;
            case "full", "fp", "full-precision" -> FULL;
            default -> throw new SpecException(null, "precision must be 'binary' or 'full', got '" + id + "'");
        };
    }
}
