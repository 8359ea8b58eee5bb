package org.bnnworkbench.architectures.published;

import org.bnnworkbench.architectures.NamedNetwork;

/**
 * One number a table published for a network, beside the same quantity computed from the
 * network's spec in the unit and convention of that table, rounded as the table rounded it.
 * A comparison that does not match carries the reason (see {@link KnownDiscrepancies}).
 *
 * @param computed    the computed value in the table's unit (MiB, MB, x1e8 or x1e9)
 * @param convention  how the computed value was counted, in words
 * @param explanation why the published value differs, or empty when it matches
 */
public record Comparison(NamedNetwork network, PublishedResult row, Quantity quantity, PublishedValue published,
                         double computed, String convention, boolean matches, String explanation) {

    public enum Quantity {
        MODEL_SIZE("model size"),
        OPS("OPs x1e8"),
        FLOPS("FLOPs x1e8"),
        BOPS("BOPs x1e9");

        private final String label;

        Quantity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The computed value printed like the published one, e.g. {@code 3.88}. */
    public String computedText() {
        return published.atSamePrecision(computed);
    }
}
