package org.bnnworkbench.app.controls;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/** The buttons of the Training, Runs and Sweeps views: a label, an id for tests, a tooltip and an action. */
public final class ActionButtons {

    private ActionButtons() {
    }

    /** A button that may shrink with its row. */
    public static Button button(String text, String id, String tip, Runnable action) {
        var b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A button that keeps its whole label when its row gets narrow. */
    public static Button fullButton(String text, String id, String tip, Runnable action) {
        Button b = button(text, id, tip, action);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
