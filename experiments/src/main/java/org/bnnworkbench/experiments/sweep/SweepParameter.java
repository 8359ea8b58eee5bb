package org.bnnworkbench.experiments.sweep;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bnnworkbench.engine.param.ParameterDeclaration;
import org.bnnworkbench.engine.param.ParameterValues;
import org.bnnworkbench.experiments.design.ArchitectureArgument;
import org.bnnworkbench.experiments.run.RunSettings;
import org.bnnworkbench.experiments.run.TrainingParameter;
import org.bnnworkbench.experiments.run.TrainingParameters;

/**
 * What a sweep can vary: a {@link TrainingParameters training parameter} ({@code clip}, {@code lr}...), the
 * architecture ({@code arch}), {@code fullPrecision}, or a parameter of the architecture's family ({@code growthRate},
 * {@code blocks}...). Knows how to read a value and how to put it into a run's settings.
 */
public final class SweepParameter {

    public static final String ARCH = "arch";
    public static final String FULL_PRECISION = "fullPrecision";

    private enum Target { TRAINING, ARCH, FULL_PRECISION, ARCHITECTURE_PARAMETER }

    private final String name;
    private final Target target;
    /** For an architecture parameter: its declaration in every architecture the sweep trains. */
    private final List<ParameterDeclaration> declarations;

    private SweepParameter(String name, Target target, List<ParameterDeclaration> declarations) {
        this.name = name;
        this.target = target;
        this.declarations = List.copyOf(declarations);
    }

    /**
     * The parameter by that name for a sweep over these architectures.
     *
     * @param field where the name stands in the file, for the message
     * @throws SweepFileException if no such parameter exists for every one of the architectures
     */
    public static SweepParameter of(String name, List<String> archs, String field) {
        if (TrainingParameters.find(name).isPresent()) {
            return new SweepParameter(name, Target.TRAINING, List.of());
        }
        if (name.equals(ARCH)) {
            return new SweepParameter(name, Target.ARCH, List.of());
        }
        if (name.equals(FULL_PRECISION)) {
            return new SweepParameter(name, Target.FULL_PRECISION, List.of());
        }
        if (name.equals("input") || name.equals("classes")) {
            throw new SweepFileException(field, "'" + name + "' follows from the data set and cannot be set here");
        }
        if (name.equals("dataset")) {
            throw new SweepFileException(field, "a sweep trains on one data set, base.dataset");
        }
        var found = new java.util.ArrayList<ParameterDeclaration>();
        for (String arch : archs) {
            Optional<List<ParameterDeclaration>> declared = ArchitectureArgument.parameters(arch);
            Optional<ParameterDeclaration> match = declared.flatMap(list -> list.stream()
                    .filter(d -> d.name().equals(name)).findFirst());
            if (match.isEmpty()) {
                String known = declared.map(list -> list.stream().map(ParameterDeclaration::name)
                        .filter(n -> !n.equals("input") && !n.equals("classes")).toList().toString())
                        .orElse("none: a network file takes no parameters");
                throw new SweepFileException(field, "unknown parameter '" + name + "': neither a training parameter ("
                        + TrainingParameters.names() + ", arch, fullPrecision) nor a parameter of " + arch + " ("
                        + known + ")");
            }
            found.add(match.get());
        }
        return new SweepParameter(name, Target.ARCHITECTURE_PARAMETER, found);
    }

    public String name() {
        return name;
    }

    /** Whether the values are numbers, so that a random range can be drawn from. */
    boolean isNumeric() {
        ParameterDeclaration.Kind kind = kind();
        return kind == ParameterDeclaration.Kind.INTEGER || kind == ParameterDeclaration.Kind.NUMBER;
    }

    boolean isInteger() {
        return kind() == ParameterDeclaration.Kind.INTEGER;
    }

    private ParameterDeclaration.Kind kind() {
        return switch (target) {
            case TRAINING -> TrainingParameters.get(name).declaration().kind();
            case ARCHITECTURE_PARAMETER -> declarations.get(0).kind();
            case ARCH -> ParameterDeclaration.Kind.TEXT;
            case FULL_PRECISION -> ParameterDeclaration.Kind.BOOLEAN;
        };
    }

    /**
     * The typed value of a text, e.g. {@code 1.3} for clip or {@code [2, 2]} for blocks.
     *
     * @throws IllegalArgumentException whose message reads {@code expects <what>, got '<text>'}
     */
    Object parse(String text) {
        switch (target) {
            case TRAINING:
                return TrainingParameters.get(name).parse(text);
            case ARCH:
                if (!ArchitectureArgument.isKnown(text)) {
                    throw new IllegalArgumentException("expects a named network or family from 'bnn architectures' or "
                            + "a network file, got '" + text + "'");
                }
                return text;
            case FULL_PRECISION:
                return parseWith(ParameterDeclaration.bool(name, false, "full-precision twin"), text);
            default:
                Object value = null;
                for (ParameterDeclaration d : declarations) {
                    value = parseWith(d, text);
                }
                return value;
        }
    }

    private static Object parseWith(ParameterDeclaration declaration, String text) {
        try {
            return declaration.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expects " + declaration.range() + ", got '" + text + "'");
        }
    }

    /** A value in its text form, as tables, CSV files and {@code --param} write it. */
    public String format(Object value) {
        return switch (target) {
            case TRAINING -> TrainingParameters.get(name).format(value);
            case ARCHITECTURE_PARAMETER -> declarations.get(0).format(value);
            default -> String.valueOf(value);
        };
    }

    /** The value as JSON writes it: numbers and booleans as such (a seed too), lists in their text form. */
    Object jsonValue(Object value) {
        if (target == Target.TRAINING && name.equals("seed")) {
            return Long.parseLong(format(value)); // declared as text only because declarations have no 64-bit kind
        }
        return value instanceof Number || value instanceof Boolean ? value : format(value);
    }

    /** The settings with this parameter set to {@code value}. */
    RunSettings apply(RunSettings settings, Object value) {
        return switch (target) {
            case TRAINING -> {
                ParameterValues values = TrainingParameters.values(settings.config()).withFoundValue(name, value);
                yield settings.withConfig(TrainingParameters.toConfig(values));
            }
            case ARCH -> {
                if (value instanceof ArchVariant variant) {
                    RunSettings changed = settings.withArch(variant.arch());
                    for (Map.Entry<String, String> param : variant.params().entrySet()) {
                        changed = changed.withParam(param.getKey(), param.getValue());
                    }
                    yield changed;
                }
                yield settings.withArch((String) value);
            }
            case FULL_PRECISION -> settings.withFullPrecision((Boolean) value);
            case ARCHITECTURE_PARAMETER -> settings.withParam(name, format(value));
        };
    }

    /** Whether it is a parameter of the architecture's family, set with {@code --param} / {@code base.params}. */
    public boolean isArchitectureParameter() {
        return target == Target.ARCHITECTURE_PARAMETER;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SweepParameter other && name.equals(other.name) && target == other.target;
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
