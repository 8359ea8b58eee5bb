package org.bnnworkbench.app.designer.view;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.bnnworkbench.engine.param.ParameterDeclaration;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * Edits one declared parameter: a check box for booleans, a list for choices, a text field for
 * numbers, lists and shapes (committed on Enter or when the field loses focus). A refused value
 * stays in the field, marked, with the reason in a message right under it.
 */
final class ParameterEditor implements PropertyEditor<Object> {

    private final ParameterItem item;
    private final Control control;
    private final Label message = new Label();
    private final VBox box;

    ParameterEditor(ParameterItem item) {
        this.item = item;
        ParameterDeclaration d = item.declaration();
        String value = String.valueOf(item.getValue());
        message.getStyleClass().add("field-error");
        message.setWrapText(true);
        message.setManaged(false);
        message.setVisible(false);
        message.setId("error-" + d.name());
        switch (d.kind()) {
            case BOOLEAN -> {
                var check = new CheckBox();
                check.setSelected(Boolean.parseBoolean(value));
                check.selectedProperty().addListener((obs, old, on) -> commit(Boolean.toString(on)));
                control = check;
            }
            case CHOICE -> {
                var combo = new ComboBox<String>();
                combo.getItems().setAll(d.choices());
                combo.setValue(value);
                combo.valueProperty().addListener((obs, old, v) -> {
                    if (v != null && !v.equals(old)) {
                        commit(v);
                    }
                });
                control = combo;
            }
            default -> {
                var field = new TextField(value);
                field.setOnAction(e -> commit(field.getText()));
                field.focusedProperty().addListener((obs, was, is) -> {
                    if (!is && !field.getText().equals(value)) {
                        commit(field.getText());
                    }
                });
                field.setOnKeyPressed(e -> {
                    if (e.getCode() == KeyCode.ESCAPE) {
                        field.setText(value);
                        showMessage(null);
                    }
                });
                field.addEventFilter(KeyEvent.KEY_PRESSED, e -> passUndoToTheWindow(field, e));
                control = field;
            }
        }
        control.setId("param-" + d.name());
        control.setDisable(!item.isEditable());
        control.setTooltip(new Tooltip(item.getDescription()));
        control.setMaxWidth(Double.MAX_VALUE);
        control.setPrefWidth(118);
        box = new VBox(2, control, message);
    }

    private static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");
    private static final KeyCombination REDO = KeyCombination.keyCombination("Shortcut+Shift+Z");
    private static final KeyCombination REDO_Y = KeyCombination.keyCombination("Shortcut+Y");

    /**
     * Ctrl+Z in a field with nothing typed to undo (e.g. right after Enter) undoes the last edit of
     * the design, as the Edit menu would; while the user is typing, it undoes the typing.
     */
    private static void passUndoToTheWindow(TextField field, KeyEvent e) {
        boolean undo = UNDO.match(e) && !field.isUndoable();
        boolean redo = (REDO.match(e) || REDO_Y.match(e)) && !field.isRedoable();
        if ((undo || redo) && field.getScene() != null) {
            for (var shortcut : field.getScene().getAccelerators().entrySet()) {
                if (shortcut.getKey().match(e)) {
                    e.consume();
                    shortcut.getValue().run();
                    return;
                }
            }
        }
    }

    private void commit(String text) {
        showMessage(item.commit(text));
    }

    private void showMessage(String problem) {
        boolean show = problem != null;
        message.setText(show ? problem : "");
        message.setManaged(show);
        message.setVisible(show);
        control.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), show);
    }

    @Override
    public Node getEditor() {
        return box;
    }

    @Override
    public Object getValue() {
        return item.getValue();
    }

    @Override
    public void setValue(Object value) {
        // the editor shows the item's value when built; values change through a rebuilt sheet
    }
}
