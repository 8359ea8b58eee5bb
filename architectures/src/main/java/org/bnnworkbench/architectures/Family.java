package org.bnnworkbench.architectures;

import java.util.List;
import org.bnnworkbench.engine.param.ParameterDeclaration;
import org.bnnworkbench.engine.param.ParameterValues;
import org.bnnworkbench.engine.spec.NetworkSpec;

/**
 * A parameterised family of networks (e.g. the dense family behind BinaryDenseNet and MeliusNet):
 * its parameters are declared once, and {@link #build} turns values into a spec.
 */
public interface Family {

    String name();

    String description();

    List<ParameterDeclaration> parameters();

    default ParameterValues defaults() {
        return ParameterValues.defaults(parameters());
    }

    /** Builds the network; {@code name} becomes the spec's name. */
    NetworkSpec build(String name, ParameterValues values);
}
