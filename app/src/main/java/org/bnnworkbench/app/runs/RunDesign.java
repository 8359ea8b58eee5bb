package org.bnnworkbench.app.runs;

import java.util.List;
import java.util.Map;
import org.bnnworkbench.app.designer.model.AutoLayout;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.app.designer.model.Templates;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.architectures.Family;
import org.bnnworkbench.architectures.NamedNetwork;
import org.bnnworkbench.engine.param.ParameterValues;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecJson;
import org.bnnworkbench.experiments.run.RunRecord;

/**
 * The design a run trained, from its record, for the Designer. A run of a named network or a family opens as that
 * family's instance (its parameters stay editable) when rebuilding it gives exactly the network the record holds;
 * otherwise the record's network opens as plain blocks, laid out anew.
 */
public final class RunDesign {

    private RunDesign() {
    }

    /** @throws IllegalArgumentException if the record holds no network (records older than the spec field) */
    public static Design of(RunRecord record) {
        if (record.spec() == null) {
            throw new IllegalArgumentException("the record of this run holds no network (it was written before "
                    + "records kept one)");
        }
        NetworkSpec spec = SpecJson.fromTree(record.spec());
        try {
            Design bound = asFamily(record, spec);
            if (bound != null && bound.spec().equals(spec)) {
                return bound;
            }
        } catch (RuntimeException e) {
            // the family cannot rebuild it (renamed parameter, changed family): plain blocks are the truth
        }
        Design plain = new Design(spec, Map.of(), List.of(), null);
        return plain.withLayout(AutoLayout.layout(plain));
    }

    private static Design asFamily(RunRecord record, NetworkSpec spec) {
        String arch = record.arch();
        Family family;
        ParameterValues values;
        String name;
        if (Architectures.exists(arch)) {
            NamedNetwork named = Architectures.get(arch);
            family = named.family();
            values = named.parameters();
            name = named.name();
        } else if (Architectures.families().stream().anyMatch(f -> f.name().equals(arch))) {
            family = Architectures.family(arch);
            values = family.defaults();
            name = arch;
        } else {
            return null;
        }
        for (var e : record.params().entrySet()) {
            values = values.with(e.getKey(), e.getValue());
        }
        values = values.withValue("input", spec.input()).withValue("classes", spec.classes());
        return Templates.fromFamily(family, values, spec.name(), spec.precision()
                == org.bnnworkbench.engine.spec.Precision.FULL);
    }
}
