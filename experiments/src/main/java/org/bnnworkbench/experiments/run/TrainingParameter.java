package org.bnnworkbench.experiments.run;

import java.util.function.Function;
import java.util.function.Predicate;
import org.bnnworkbench.engine.param.ParameterDeclaration;
import org.bnnworkbench.engine.train.TrainingConfig;

/**
 * One hyperparameter of {@link TrainingConfig}: its declaration (name as in run records and sweep files, kind,
 * default, range, description), the command-line option that sets it, and what a valid value is in words. The
 * declaration's inclusive range cannot say everything (the training limit is 0 or at least 2, a seed is any 64-bit
 * integer), so a rule may add to it.
 */
public final class TrainingParameter {

    private final ParameterDeclaration declaration;
    private final String option;
    private final String expects;
    private final Predicate<Object> rule;
    private final Function<TrainingConfig, Object> reader;

    TrainingParameter(ParameterDeclaration declaration, String option, String expects, Predicate<Object> rule,
                      Function<TrainingConfig, Object> reader) {
        this.declaration = declaration;
        this.option = option;
        this.expects = expects;
        this.rule = rule;
        this.reader = reader;
    }

    /** The name in run records, sweep files and forms, e.g. {@code weightDecay}. */
    public String name() {
        return declaration.name();
    }

    /** The command-line option without dashes, e.g. {@code weight-decay}. */
    public String option() {
        return option;
    }

    public ParameterDeclaration declaration() {
        return declaration;
    }

    /** A valid value in words, e.g. {@code a positive number}, as messages say "expects ...". */
    public String expects() {
        return expects;
    }

    /** A switch: on the command line a flag without value, in a form a check box. */
    public boolean isFlag() {
        return declaration.kind() == ParameterDeclaration.Kind.BOOLEAN;
    }

    public Object defaultValue() {
        return declaration.defaultValue();
    }

    /**
     * The value that {@code text} stands for, of the declaration's type.
     *
     * @throws IllegalArgumentException whose message reads {@code expects <what>, got '<text>'}, so that the caller
     *     can put the option's or field's name in front
     */
    public Object parse(String text) {
        Object value;
        try {
            value = declaration.parse(text);
        } catch (IllegalArgumentException e) {
            throw mismatch(text);
        }
        if (!rule.test(value)) {
            throw mismatch(text);
        }
        return value;
    }

    /** A typed value (e.g. a float or a long from a record), checked and turned into the declaration's type. */
    public Object check(Object value) {
        return parse(format(value));
    }

    /** The canonical text of a value, e.g. {@code 0.003} for the float 3e-3f (not 0.0030000000260770321). */
    public String format(Object value) {
        if (value instanceof Float f) {
            return declaration.format(Double.parseDouble(Float.toString(f)));
        }
        if (declaration.kind() == ParameterDeclaration.Kind.CHOICE && value instanceof Number n) {
            return declaration.format(n.doubleValue() == Math.rint(n.doubleValue()) ? (Object) n.longValue() : n);
        }
        return declaration.format(value);
    }

    /** This parameter's value in a config, of the declaration's type. */
    public Object valueIn(TrainingConfig config) {
        return check(reader.apply(config));
    }

    private IllegalArgumentException mismatch(String text) {
        return new IllegalArgumentException("expects " + expects + ", got '" + text + "'");
    }

    @Override
    public String toString() {
        return name();
    }
}
