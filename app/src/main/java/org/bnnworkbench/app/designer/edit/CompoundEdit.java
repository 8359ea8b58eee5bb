package org.bnnworkbench.app.designer.edit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bnnworkbench.app.designer.model.Design;

/** Several edits applied in order as one step; undone in reverse order. */
public record CompoundEdit(String name, List<Edit> edits) implements Edit {

    public CompoundEdit {
        edits = List.copyOf(edits);
    }

    @Override
    public Applied apply(Design design) {
        Design d = design;
        List<Edit> inverses = new ArrayList<>();
        for (Edit e : edits) {
            Applied a = e.apply(d);
            d = a.design();
            inverses.add(a.inverse());
        }
        Collections.reverse(inverses);
        return new Applied(d, new CompoundEdit(name, inverses));
    }
}
