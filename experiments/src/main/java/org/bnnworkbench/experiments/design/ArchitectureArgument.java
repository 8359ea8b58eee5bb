package org.bnnworkbench.experiments.design;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.architectures.Family;
import org.bnnworkbench.architectures.NamedNetwork;
import org.bnnworkbench.engine.param.ParameterDeclaration;
import org.bnnworkbench.engine.param.ParameterValues;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecException;
import org.bnnworkbench.engine.spec.SpecJson;

/**
 * Turns what the user names as an architecture into a spec: a named network (e.g.
 * {@code meliusnet22}), a family ({@code dense}) or a network file, with {@code name=value}
 * parameter overrides for networks and families, optionally as the full-precision twin, and
 * optionally fitted to a data set's input shape and classes. Used by the command line, sweeps and
 * the app, so all of them read an architecture the same way.
 */
public final class ArchitectureArgument {

    private ArchitectureArgument() {
    }

    /**
     * @param input   the data set's image shape, or null to keep the network's own
     * @param classes the data set's classes, or 0 to keep the network's own
     * @throws IllegalArgumentException with a one-line reason
     */
    public static NetworkSpec resolve(String arch, List<String> params, boolean fullPrecision, InputShape input,
                                      int classes) {
        NetworkSpec spec;
        if (Architectures.exists(arch)) {
            NamedNetwork named = Architectures.get(arch);
            ParameterValues values = fit(named.parameters().withAssignments(params), params, input, classes, arch);
            spec = named.spec(values);
        } else if (Architectures.families().stream().anyMatch(f -> f.name().equals(arch))) {
            Family family = Architectures.family(arch);
            ParameterValues values = fit(family.defaults().withAssignments(params), params, input, classes, arch);
            spec = family.build(arch, values);
        } else if (looksLikeFile(arch)) {
            if (!params.isEmpty()) {
                throw new IllegalArgumentException("--param applies to named networks and families, not to the network file "
                        + arch + " (edit the file instead)");
            }
            spec = SpecJson.load(Path.of(arch));
            if (input != null && !spec.input().equals(input)) {
                throw new IllegalArgumentException("the network file " + arch + " takes " + spec.input()
                        + " images, the data set has " + input);
            }
            if (classes > 0 && spec.classes() != classes) {
                throw new IllegalArgumentException("the network file " + arch + " has " + spec.classes()
                        + " classes, the data set " + classes);
            }
        } else {
            throw new IllegalArgumentException("unknown architecture '" + arch + "': give a name from 'bnn architectures'"
                    + " (e.g. bnn-small, meliusnet22), a family (dense, resnete, resnet) or a network file");
        }
        spec.resolve();
        return fullPrecision ? spec.fullPrecisionTwin() : spec;
    }

    /**
     * The parameters that {@code --param} may set for this architecture: those of the named network's or the
     * family's declarations; empty for a network file (which takes none) or an unknown name.
     */
    public static Optional<List<ParameterDeclaration>> parameters(String arch) {
        if (Architectures.exists(arch)) {
            return Optional.of(Architectures.get(arch).family().parameters());
        }
        return Architectures.families().stream().filter(f -> f.name().equals(arch)).findFirst()
                .map(Family::parameters);
    }

    /** Whether {@code arch} names a named network, a family, or a network file that exists. */
    public static boolean isKnown(String arch) {
        try {
            return parameters(arch).isPresent() || (looksLikeFile(arch) && Files.isRegularFile(Path.of(arch)));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static boolean looksLikeFile(String arch) {
        return arch.endsWith(".json") || arch.contains("/") || Files.isRegularFile(Path.of(arch));
    }

    private static ParameterValues fit(ParameterValues values, List<String> params, InputShape input, int classes,
                                       String arch) {
        ParameterValues v = values;
        if (input != null) {
            if (given(params, "input") && !v.getShape("input").equals(input)) {
                throw new IllegalArgumentException("--param input=" + v.getShape("input") + " does not match the data set's "
                        + input + " images");
            }
            v = v.withValue("input", input);
        }
        if (classes > 0) {
            if (given(params, "classes") && v.getInt("classes") != classes) {
                throw new IllegalArgumentException("--param classes=" + v.getInt("classes") + " does not match the data set's "
                        + classes + " classes");
            }
            v = v.withValue("classes", classes);
        }
        return v;
    }

    private static boolean given(List<String> params, String name) {
        return params.stream().anyMatch(p -> p.startsWith(name + "="));
    }

    /** A SpecException message without the internal prefixes, for one-line reports. */
    public static String reason(RuntimeException e) {
        return e instanceof SpecException ? e.getMessage() : String.valueOf(e.getMessage());
    }
}
