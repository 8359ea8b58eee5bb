package org.bnnworkbench.app;

import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Help > Keyboard and Mouse: what the keys and the mouse do in the designer. */
final class ShortcutsDialog extends Dialog<ButtonType> {

    private static final List<String[]> ROWS = List.of(
            new String[] {"Ctrl+N / Ctrl+O / Ctrl+T", "new design / open a file / open a template"},
            new String[] {"Ctrl+S / Ctrl+Shift+S", "save / save as"},
            new String[] {"Ctrl+E", "export the whole design as a PNG picture"},
            new String[] {"Ctrl+Z", "undo (the Edit menu names the edit)"},
            new String[] {"Ctrl+Shift+Z or Ctrl+Y", "redo"},
            new String[] {"Ctrl+X / Ctrl+C / Ctrl+V / Ctrl+D", "cut / copy / paste / duplicate the selected blocks"},
            new String[] {"Delete or Backspace", "delete the selected blocks"},
            new String[] {"Ctrl+A, Escape", "select all blocks, select none"},
            new String[] {"Ctrl+G / Ctrl+Shift+G", "group the selection as a stage / ungroup its stage"},
            new String[] {"Ctrl+Shift+C", "collapse the stage of the selection (double-click a collapsed stage to expand it)"},
            new String[] {"Ctrl+= / Ctrl+- / Ctrl+0", "zoom in / zoom out / fit the design to the window (also +, -, F)"},
            new String[] {"arrow keys", "pan the canvas"},
            new String[] {"Ctrl+L / Ctrl+M", "auto-layout / show or hide the minimap"},
            new String[] {"drag from the palette", "place a block; drop it on a wire to insert it there"},
            new String[] {"drag from an output port to an input port", "connect; drag from a connected input to empty space to disconnect"},
            new String[] {"click, Shift-click, drag on empty space", "select, add to the selection, select with a rubber band"},
            new String[] {"drag a block or a stage header", "move the block (all selected blocks) or the whole stage"},
            new String[] {"mouse wheel, right or middle drag", "zoom around the pointer, pan"});

    ShortcutsDialog(Window owner) {
        initOwner(owner);
        setTitle("Keyboard and mouse");
        setHeaderText("Keyboard and mouse in the designer");
        getDialogPane().setId("shortcuts-dialog");
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        var grid = new GridPane();
        grid.getStyleClass().add("shortcuts-table");
        int row = 0;
        for (String[] r : ROWS) {
            var key = new Label(r[0]);
            key.getStyleClass().add("shortcut-key");
            grid.addRow(row++, key, new Label(r[1]));
        }
        getDialogPane().setContent(grid);
    }
}
