package org.bnnworkbench.app.designer.edit;

import org.bnnworkbench.app.designer.model.Design;

/**
 * Replaces the whole design: opening a template into the current window, regenerating a family
 * instance after a parameter change, expanding it into blocks, changing the input shape.
 */
public record ReplaceDesign(String name, Design replacement) implements Edit {

    @Override
    public Applied apply(Design design) {
        return new Applied(replacement, new ReplaceDesign(name, design));
    }
}
