package org.bnnworkbench.app.designer.model;

import java.util.Map;

/**
 * A design that is an instance of a family (e.g. the dense family with MeliusNet22's values): the
 * property sheet edits the family parameters and the blocks are regenerated, until the user expands
 * the instance into editable blocks.
 *
 * @param named the named network it started from, or null
 */
public record FamilyBinding(String family, Map<String, String> parameters, String named) {

    public FamilyBinding {
        parameters = Map.copyOf(parameters);
    }
}
