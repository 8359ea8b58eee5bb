package org.bnnworkbench.experiments.report;

import java.util.OptionalDouble;
import org.bnnworkbench.engine.cost.NetworkCost;

/** What the x axis of a comparison chart counts: model size in MiB, or OPs x 10^8 (FLOPs + BOPs / 64). */
public enum CostAxis {
    SIZE("size", "model size (MiB = 2^20 bytes, log scale)"),
    OPS("ops", "OPs x 10^8 = FLOPs + BOPs / 64 (log scale)");

    private final String id;
    private final String label;

    CostAxis(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** "model size" or "OPs", for titles. */
    public String noun() {
        return this == SIZE ? "model size" : "OPs";
    }

    public OptionalDouble of(PublishedPoint p) {
        return this == SIZE ? p.sizeMiB() : p.ops1e8();
    }

    /** The cost in this axis' unit: MiB, or OPs / 10^8. */
    public double of(NetworkCost cost) {
        return this == SIZE ? cost.modelSizeMiB() : cost.ops() / 1e8;
    }
}
