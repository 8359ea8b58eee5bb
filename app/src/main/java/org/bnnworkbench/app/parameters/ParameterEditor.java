package org.bnnworkbench.app.parameters;

import javafx.css.PseudoClass;
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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.bnnworkbench.engine.param.ParameterDeclaration;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * Edits one declared parameter (in the designer's property sheet and the training form): a check box for booleans, a list for choices, a text field for
 * numbers, lists and shapes (committed on Enter or when the field loses focus). A refused value
 * stays in the field, marked, with the reason in a message right under it; Escape puts the
 * current value back.
 */
public final class ParameterEditor implements PropertyEditor<Object> {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");
    private static final KeyCombination REDO = KeyCombination.keyCombination("Shortcut+Shift+Z");
    private static final KeyCombination REDO_Y = KeyCombination.keyCombination("Shortcut+Y");

    private final ParameterItem item;
    private final Control control;
    private final Label message = new Label();
    private final VBox box;
    private boolean showing;

    public ParameterEditor(ParameterItem item) {
        this(item, "");
    }

    /**
     * @param idPrefix put before the ids of the field ({@code param-<name>}) and of its message
     *                 ({@code error-<name>}), so that two sheets in one window keep their ids apart
     */
    public ParameterEditor(ParameterItem item, String idPrefix) {
        this.item = item;
        ParameterDeclaration d = item.declaration();
        message.getStyleClass().add("field-error");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setManaged(false);
        message.setVisible(false);
        message.setId(idPrefix + "error-" + d.name());
        switch (d.kind()) {
            case BOOLEAN -> {
                var check = new CheckBox();
                check.selectedProperty().addListener((obs, old, on) -> {
                    if (!showing) {
                        commit(Boolean.toString(on));
                    }
                });
                control = check;
            }
            case CHOICE -> {
                var combo = new ComboBox<String>();
                combo.getItems().setAll(d.choices());
                combo.valueProperty().addListener((obs, old, v) -> {
                    if (!showing && v != null && !v.equals(old)) {
                        commit(v);
                    }
                });
                control = combo;
            }
            default -> {
                var field = new TextField();
                field.setOnAction(e -> commit(field.getText()));
                field.focusedProperty().addListener((obs, was, is) -> {
                    if (!is && !field.getText().equals(item.text())) {
                        commit(field.getText());
                    }
                });
                field.setOnKeyPressed(e -> {
                    if (e.getCode() == KeyCode.ESCAPE) {
                        show(item.text());
                    }
                });
                field.addEventFilter(KeyEvent.KEY_PRESSED, e -> passUndoToTheWindow(field, e));
                control = field;
            }
        }
        control.setId(idPrefix + "param-" + d.name());
        control.setTooltip(new Tooltip(item.getDescription()));
        control.setMaxWidth(Double.MAX_VALUE);
        control.setPrefWidth(118);
        box = new VBox(2, control, message);
        show(item.text());
        item.attach(this);
    }

    /** Shows a value (the parameter's current one) without committing it; clears any refusal. */
    @SuppressWarnings("unchecked")
    public void show(String value) {
        showing = true;
        try {
            if (control instanceof CheckBox c) {
                c.setSelected(Boolean.parseBoolean(value));
            } else if (control instanceof ComboBox<?> c) {
                ((ComboBox<String>) c).setValue(value);
            } else if (control instanceof TextField f) {
                if (!f.getText().equals(value)) {
                    f.setText(value);
                }
            }
        } finally {
            showing = false;
        }
        showMessage(null);
    }

    /**
     * Ctrl+Z in a field that shows the parameter's current value (nothing typed since, e.g. right
     * after Enter) undoes the last edit of the design, as the Edit menu would; while the user is
     * typing, it undoes the typing.
     */
    private void passUndoToTheWindow(TextField field, KeyEvent e) {
        boolean untouched = field.getText().equals(item.text());
        boolean undo = UNDO.match(e) && (untouched || !field.isUndoable());
        boolean redo = (REDO.match(e) || REDO_Y.match(e)) && (untouched || !field.isRedoable());
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
        // "parameter growth=0: '0' is outside 1..1024 (...)": the field already says which parameter
        message.setText(show ? problem.replaceFirst("^parameter " + java.util.regex.Pattern.quote(item.getName()) + "=[^:]*: ", "") : "");
        message.setManaged(show);
        message.setVisible(show);
        control.pseudoClassStateChanged(INVALID, show);
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
        show(String.valueOf(value));
    }
}
