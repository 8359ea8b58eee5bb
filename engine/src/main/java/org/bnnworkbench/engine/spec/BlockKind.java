package org.bnnworkbench.engine.spec;

import java.util.List;
import org.bnnworkbench.engine.param.ParameterDeclaration;
import org.bnnworkbench.engine.param.ParameterValues;

/**
 * What the designer's palette and property sheet know about a block kind: its name in files, a
 * title and one-line description, the palette group, how many inputs it reads and its parameters,
 * declared once. {@link #create} and {@link #values} convert between parameter values and blocks.
 */
public interface BlockKind {

    /** The kind as written in files, e.g. {@code dense}. */
    String id();

    String title();

    String group();

    String description();

    /** How many feature maps the block reads (names of its input ports). */
    List<String> inputNames();

    List<ParameterDeclaration> parameters();

    default ParameterValues defaults() {
        return ParameterValues.defaults(parameters());
    }

    Block create(String id, List<String> inputs, ParameterValues values);

    ParameterValues values(Block block);
}
