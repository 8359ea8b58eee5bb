package org.bnnworkbench.architectures.docs;

import org.bnnworkbench.architectures.Family;
import org.bnnworkbench.engine.param.ParameterDeclaration;

/** A family's parameters as a Markdown table, straight from their declarations. */
public final class ParameterTable {

    private ParameterTable() {
    }

    public static String markdown(Family family) {
        StringBuilder sb = new StringBuilder();
        sb.append("| parameter | type | allowed | default | meaning |\n");
        sb.append("|---|---|---|---|---|\n");
        for (ParameterDeclaration d : family.parameters()) {
            sb.append(line(d)).append('\n');
        }
        return sb.toString();
    }

    /** One declaration's row, e.g. {@code | `blocks` | integers | 0..64 each, comma-separated | 6,6,6,5 | ... |}. */
    public static String line(ParameterDeclaration d) {
        return "| `" + d.name() + "` | " + type(d.kind()) + " | " + cell(d.range()) + " | `" + d.format(d.defaultValue())
                + "` | " + cell(d.description()) + " |";
    }

    private static String type(ParameterDeclaration.Kind kind) {
        return switch (kind) {
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case CHOICE -> "choice";
            case INTEGER_LIST -> "integers";
            case NUMBER_LIST -> "numbers";
            case SHAPE -> "shape";
            case TEXT -> "text";
        };
    }

    static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
