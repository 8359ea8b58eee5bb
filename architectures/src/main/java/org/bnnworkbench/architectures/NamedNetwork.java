package org.bnnworkbench.architectures;

import java.util.List;
import org.bnnworkbench.engine.param.ParameterValues;
import org.bnnworkbench.engine.spec.NetworkSpec;

/**
 * A network with a name: a family and the parameter values that make it, whether it is built as
 * the full-precision twin, what it is, and the published table rows that report it (by the
 * {@code model} column of {@code seed-tables.csv} / {@code published_results.csv}, exactly as written
 * there). {@code depthGroup} is the ResNet depth the seed tables compare it with (18, 34 or 45; 0 when
 * they do not list it): the tables use one model name, e.g. {@code Bi-RealNet}, for both depths.
 */
public record NamedNetwork(String name, Family family, List<String> assignments, boolean fullPrecision,
                           String description, List<String> publishedModels, int depthGroup) {

    public NamedNetwork {
        assignments = List.copyOf(assignments);
        publishedModels = List.copyOf(publishedModels);
    }

    public NamedNetwork(String name, Family family, List<String> assignments, boolean fullPrecision,
                        String description, List<String> publishedModels) {
        this(name, family, assignments, fullPrecision, description, publishedModels, 0);
    }

    /** The parameter values: the family defaults with this network's assignments. */
    public ParameterValues parameters() {
        return family.defaults().withAssignments(assignments);
    }

    public NetworkSpec spec() {
        return spec(parameters());
    }

    /** The network with other parameter values (e.g. {@code input=32x32x3}, {@code classes=10}). */
    public NetworkSpec spec(ParameterValues values) {
        NetworkSpec spec = family.build(name, values);
        return fullPrecision ? spec.fullPrecisionTwin() : spec;
    }
}
