package org.bnnworkbench.app.designer.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.architectures.Family;
import org.bnnworkbench.architectures.NamedNetwork;
import org.bnnworkbench.engine.param.ParameterValues;
import org.bnnworkbench.engine.spec.Block;
import org.bnnworkbench.engine.spec.NetworkSpec;

/**
 * Designs made from the architectures module: a named network or a family instance, laid out
 * and grouped into stages, bound to its family so its parameters stay editable; and the expansion
 * of such an instance into plain, editable blocks.
 */
public final class Templates {

    private Templates() {
    }

    public static Design fromNamed(NamedNetwork named) {
        return fromFamily(named.family(), named.parameters(), named.name(), named.fullPrecision());
    }

    public static Design fromFamily(Family family, ParameterValues values, String name, boolean fullPrecision) {
        NetworkSpec spec = family.build(name, values);
        if (fullPrecision) {
            spec = spec.fullPrecisionTwin();
        }
        Design d = new Design(spec, Map.of(), stages(spec), new FamilyBinding(family.name(), values.asText(), name));
        return d.withLayout(AutoLayout.layout(d));
    }

    /** Rebuilds a family-bound design after one of its parameters changed; throws naming the parameter. */
    public static Design withFamilyParameter(Design design, String parameter, String text) {
        FamilyBinding binding = design.family();
        Family family = Architectures.family(binding.family());
        ParameterValues values = family.defaults();
        for (var e : binding.parameters().entrySet()) {
            values = values.with(e.getKey(), e.getValue());
        }
        values = values.with(parameter, text);
        boolean fp = design.spec().precision() == org.bnnworkbench.engine.spec.Precision.FULL;
        Design rebuilt = fromFamily(family, values, design.spec().name(), fp);
        return rebuilt.withFamily(new FamilyBinding(binding.family(), values.asText(), binding.named()));
    }

    /** The family's current parameter values of a bound design. */
    public static ParameterValues familyValues(Design design) {
        FamilyBinding binding = design.family();
        ParameterValues values = Architectures.family(binding.family()).defaults();
        for (var e : binding.parameters().entrySet()) {
            values = values.with(e.getKey(), e.getValue());
        }
        return values;
    }

    /** The same blocks, no longer bound to the family: every block can now be edited. */
    public static Design expand(Design design) {
        return design.withFamily(null);
    }

    /** Groups blocks by the stage their family ids name: stem, s1.. with their transitions, residual, head. */
    static List<StageGroup> stages(NetworkSpec spec) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Block b : spec.blocks()) {
            String id = b.id();
            String group;
            if (id.startsWith("stem") || id.startsWith("input-")) {
                group = "stem";
            } else if (id.matches("s\\d+b\\d+.*")) {
                group = "stage " + id.substring(1, id.indexOf('b'));
            } else if (id.matches("t\\d+")) {
                group = "stage " + id.substring(1);
            } else if (id.matches("r\\d+.*")) {
                group = "residual";
            } else {
                continue;
            }
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(id);
        }
        List<StageGroup> list = new ArrayList<>();
        groups.forEach((name, ids) -> {
            if (ids.size() > 1) {
                list.add(new StageGroup(name, ids, false));
            }
        });
        return list;
    }
}
