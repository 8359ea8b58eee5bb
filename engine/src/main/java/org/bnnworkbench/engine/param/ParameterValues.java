package org.bnnworkbench.engine.param;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.engine.spec.InputShape;

/**
 * Values for a list of declarations: every declared parameter has a value (its default unless
 * set). Immutable; {@link #with} returns a copy with one value parsed and checked.
 */
public final class ParameterValues {

    private final List<ParameterDeclaration> declarations;
    private final Map<String, Object> values;

    private ParameterValues(List<ParameterDeclaration> declarations, Map<String, Object> values) {
        this.declarations = declarations;
        this.values = values;
    }

    public static ParameterValues defaults(List<ParameterDeclaration> declarations) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (ParameterDeclaration d : declarations) {
            v.put(d.name(), d.defaultValue());
        }
        return new ParameterValues(List.copyOf(declarations), v);
    }

    public List<ParameterDeclaration> declarations() {
        return declarations;
    }

    public ParameterDeclaration declaration(String name) {
        for (ParameterDeclaration d : declarations) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown parameter '" + name + "' (known: "
                + String.join(", ", declarations.stream().map(ParameterDeclaration::name).toList()) + ")");
    }

    /** A copy with {@code name} set from its text form. */
    public ParameterValues with(String name, String text) {
        return withValue(name, declaration(name).parse(text));
    }

    /** A copy with {@code name} set to an already typed value (checked via its text form). */
    public ParameterValues withValue(String name, Object value) {
        ParameterDeclaration d = declaration(name);
        Object checked = d.parse(d.format(value));
        Map<String, Object> v = new LinkedHashMap<>(values);
        v.put(name, checked);
        return new ParameterValues(declarations, v);
    }

    /**
     * A copy with {@code name} set to a value as found, without the range check: for showing a
     * value that came from a file and lies outside the declared range (editing it is checked).
     */
    public ParameterValues withFoundValue(String name, Object value) {
        declaration(name);
        Map<String, Object> v = new LinkedHashMap<>(values);
        v.put(name, value);
        return new ParameterValues(declarations, v);
    }

    /** A copy with {@code name=value} assignments applied in order. */
    public ParameterValues withAssignments(List<String> assignments) {
        ParameterValues result = this;
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + a + "' is not name=value");
            }
            result = result.with(a.substring(0, eq).trim(), a.substring(eq + 1));
        }
        return result;
    }

    public Object get(String name) {
        declaration(name);
        return values.get(name);
    }

    public int getInt(String name) {
        return (Integer) get(name);
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    public String getString(String name) {
        return (String) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<Integer> getInts(String name) {
        return (List<Integer>) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<Double> getDoubles(String name) {
        return (List<Double>) get(name);
    }

    public InputShape getShape(String name) {
        return (InputShape) get(name);
    }

    /** All values in their text form, in declaration order. */
    public Map<String, String> asText() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ParameterDeclaration d : declarations) {
            m.put(d.name(), d.format(values.get(d.name())));
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterValues other && asText().equals(other.asText());
    }

    @Override
    public int hashCode() {
        return asText().hashCode();
    }

    @Override
    public String toString() {
        return asText().toString();
    }
}
