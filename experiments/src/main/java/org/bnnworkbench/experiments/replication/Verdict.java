package org.bnnworkbench.experiments.replication;

/** What the runs say of a claim, or of one comparison of it. */
public enum Verdict {
    /** Every comparison's interval lies on the claim's side. */
    REPRODUCED("reproduced"),
    /** Some comparisons reproduce the claim, none contradicts it, the rest are not distinguishable. */
    PARTLY_REPRODUCED("partly reproduced"),
    /** Every comparison that is told apart contradicts the claim. */
    CONTRADICTED("contradicted"),
    /** Some comparisons reproduce, others contradict. */
    MIXED("mixed"),
    /** No comparison is told apart at this n. */
    NOT_DISTINGUISHABLE("not distinguishable"),
    /** The configurations have no runs to compare (yet). */
    NO_DATA("no data");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
