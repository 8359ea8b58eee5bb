package org.bnnworkbench.app.designer.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.bnnworkbench.app.designer.DesignerModel;
import org.bnnworkbench.app.designer.edit.ReplaceDesign;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.app.designer.model.Templates;
import org.bnnworkbench.app.parameters.ParameterEditor;
import org.bnnworkbench.app.parameters.ParameterItem;
import org.bnnworkbench.engine.param.ParameterDeclaration;
import org.bnnworkbench.engine.param.ParameterValues;
import org.bnnworkbench.engine.spec.Block;
import org.bnnworkbench.engine.spec.BlockKind;
import org.bnnworkbench.engine.spec.BlockKinds;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.Precision;
import org.bnnworkbench.engine.spec.SpecException;
import org.controlsfx.control.PropertySheet;

/**
 * The property sheet (ControlsFX) for the selected block, driven by its kind's declared
 * parameters; with nothing selected, the design itself (name, input shape, precision) and, for a
 * family instance, the family's parameters first, with a button to expand it into editable blocks.
 * The sheet is rebuilt only when what it shows changed (not when a block is moved), and the field
 * that was being edited keeps the focus.
 */
public final class PropertiesView extends VBox {

    private final DesignerModel model;
    private final Map<String, PropertySheet> sheets = new HashMap<>();
    private final StackPane sheetHolder = new StackPane();
    private PropertySheet sheet;
    private final Label heading = new Label();
    private final Label note = new Label();
    private final Button expand = new Button("Expand into blocks");
    private Object shownKey;

    public PropertiesView(DesignerModel model) {
        this.model = model;
        setId("properties");
        getStyleClass().add("properties-view");
        heading.getStyleClass().add("pane-heading");
        heading.setId("properties-heading");
        heading.setWrapText(true);
        note.getStyleClass().add("pane-note");
        note.setId("properties-note");
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        expand.setId("expand-family");
        expand.setOnAction(e -> model.expandFamily());
        var buttons = new VBox(expand);
        buttons.getStyleClass().add("pane-buttons");
        sheetHolder.setId("property-sheets");
        getChildren().addAll(heading, note, buttons, sheetHolder);
        VBox.setVgrow(sheetHolder, Priority.ALWAYS);
        model.designProperty().addListener((obs, old, d) -> refresh());
        model.selectionProperty().addListener((obs, old, s) -> refresh());
        refresh();
    }

    /**
     * Builds the sheet of every block kind ahead of time, one per FX task while the app is idle,
     * so that the first click on a block of a kind does not pay for building its sheet.
     */
    public void prepareSheets() {
        List<BlockKind> kinds = new ArrayList<>(BlockKinds.all());
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            if (kinds.isEmpty()) {
                return;
            }
            BlockKind kind = kinds.remove(0);
            ParameterValues values = kind.defaults();
            List<ParameterItem> items = new ArrayList<>();
            for (ParameterDeclaration p : kind.parameters()) {
                items.add(new ParameterItem(kind.title(), p, p.format(values.get(p.name())), text -> null));
            }
            String key = keyOf(items);
            if (!sheets.containsKey(key)) {
                PropertySheet built = build(items);
                built.setVisible(false);
                built.setManaged(false);
            }
            Platform.runLater(next[0]);
        };
        Platform.runLater(next[0]);
    }

    private static String keyOf(List<ParameterItem> items) {
        return String.join("|", items.stream().map(ParameterItem::key).toList());
    }

    private PropertySheet build(List<ParameterItem> items) {
        var created = new PropertySheet();
        created.getStyleClass().add("parameter-sheet");
        created.setModeSwitcherVisible(false);
        created.setSearchBoxVisible(false);
        created.setMode(PropertySheet.Mode.CATEGORY);
        // categories in the order the rows come (a family's parameters first), not alphabetically
        created.setCategoryComparator((a, b) -> Integer.compare(categoryRank(created, a), categoryRank(created, b)));
        created.setPropertyEditorFactory(item -> new ParameterEditor((ParameterItem) item));
        created.getItems().setAll(items);
        sheets.put(keyOf(items), created);
        sheetHolder.getChildren().add(created);
        return created;
    }

    private static int categoryRank(PropertySheet sheet, String category) {
        List<PropertySheet.Item> items = sheet.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (Objects.equals(items.get(i).getCategory(), category)) {
                return i;
            }
        }
        return items.size();
    }

    /**
     * Shows these rows. A sheet with the same rows (same parameters of the same kind of block, or
     * of the same family) was built before: its editors just take the new values. Building a sheet
     * costs the FX thread tens of milliseconds in CSS, so each kind of sheet is built once and the
     * sheets are kept, only one visible.
     */
    private void showItems(List<ParameterItem> items) {
        PropertySheet next = sheets.get(keyOf(items));
        if (next == null) {
            next = build(items);
        } else {
            for (int i = 0; i < items.size(); i++) {
                ((ParameterItem) next.getItems().get(i)).update(items.get(i));
            }
        }
        if (sheet != null && sheet != next) {
            sheet.setVisible(false);
            sheet.setManaged(false);
            sheet.setId(null);
        }
        sheet = next;
        sheet.setManaged(true);
        sheet.setVisible(true);
        sheet.setId("property-sheet");
    }

    /** What the sheet shows, as a value: when it is unchanged, the sheet is left alone. */
    private Object keyOf(Design d) {
        if (model.selection().size() == 1) {
            String id = model.selection().iterator().next();
            return List.of("block", d.block(id).map(Object.class::cast).orElse(id), d.family() != null);
        }
        if (model.selection().size() > 1) {
            return List.of("several", model.selection().size());
        }
        return List.of("design", d.spec().name(), d.spec().input(), d.spec().precision(),
                d.family() == null ? "" : d.family());
    }

    private void refresh() {
        Design d = model.design();
        Object key = keyOf(d);
        if (key.equals(shownKey)) {
            return;
        }
        shownKey = key;
        String focused = focusedParameter();
        boolean bound = d.family() != null;
        expand.setVisible(bound && model.selection().isEmpty());
        expand.getParent().setManaged(expand.isVisible());
        expand.getParent().setVisible(expand.isVisible());
        List<ParameterItem> items = new ArrayList<>();
        String noteText = "";
        if (model.selection().size() == 1) {
            String id = model.selection().iterator().next();
            Block b = d.block(id).orElse(null);
            if (b == null) {
                heading.setText("");
                showItems(List.of());
                return;
            }
            BlockKind kind = BlockKinds.of(b);
            heading.setText(kind.title() + " '" + id + "'");
            noteText = kind.description();
            if (bound) {
                noteText += "\nPart of the " + d.family().family() + "-family instance '" + d.spec().name()
                        + "': changing a block expands the design into plain blocks (Undo brings the family back).";
            }
            ParameterValues values = kind.values(b);
            for (ParameterDeclaration p : kind.parameters()) {
                items.add(new ParameterItem(kind.title(), p, p.format(values.get(p.name())),
                        text -> model.setParameter(id, p.name(), text)));
            }
        } else if (model.selection().size() > 1) {
            heading.setText(model.selection().size() + " blocks selected");
            noteText = "Select one block to see its parameters.";
        } else {
            heading.setText("Design '" + d.spec().name() + "'");
            if (bound) {
                noteText = "An instance of the " + d.family().family() + " family"
                        + (d.family().named() != null ? " (" + d.family().named() + ")" : "")
                        + ": change its family parameters and the blocks are rebuilt, or expand it to edit blocks one by one.";
                ParameterValues values = Templates.familyValues(d);
                for (ParameterDeclaration p : values.declarations()) {
                    items.add(new ParameterItem("Family: " + d.family().family(), p, p.format(values.get(p.name())),
                            text -> setFamilyParameter(p.name(), text)));
                }
            }
            items.addAll(designItems(d));
        }
        note.setText(noteText);
        note.setManaged(!noteText.isEmpty());
        note.setVisible(!noteText.isEmpty());
        showItems(items);
        if (focused != null) {
            Platform.runLater(() -> {
                Node field = sheet.lookup("#param-" + focused);
                if (field != null) {
                    field.requestFocus();
                }
            });
        }
    }

    /** The parameter whose field has the keyboard focus, so that it keeps it after the sheet is rebuilt. */
    private String focusedParameter() {
        if (getScene() == null) {
            return null;
        }
        Node n = getScene().getFocusOwner();
        while (n != null && n != this) {
            if (n.getId() != null && n.getId().startsWith("param-")) {
                return n.getId().substring("param-".length());
            }
            n = n.getParent();
        }
        return null;
    }

    private List<ParameterItem> designItems(Design d) {
        var name = ParameterDeclaration.text("name", d.spec().name(), "the design's name");
        var input = ParameterDeclaration.shape("input", d.spec().input(), "the input image HxWxC");
        var precision = ParameterDeclaration.choice("precision", d.spec().precision().id(), List.of("binary", "full"),
                "binary, or its full-precision twin (32-bit convs, ReLU for sign)");
        List<ParameterItem> items = new ArrayList<>();
        items.add(new ParameterItem("Design", name, d.spec().name(), this::rename));
        if (d.family() == null) {
            items.add(new ParameterItem("Design", input, d.spec().input().toString(), this::setInput));
        }
        items.add(new ParameterItem("Design", precision, d.spec().precision().id(), this::setPrecision));
        return items;
    }

    private String rename(String text) {
        String name = text.trim();
        if (name.isEmpty()) {
            return "the name must not be empty";
        }
        Design d = model.design();
        if (!name.equals(d.spec().name())) {
            model.perform(new ReplaceDesign("Rename to " + name, d.withSpec(d.spec().withName(name))));
        }
        return null;
    }

    private String setInput(String text) {
        try {
            InputShape shape = InputShape.parse(text.trim());
            Design d = model.design();
            NetworkSpec spec = new NetworkSpec(d.spec().name(), shape, d.spec().precision(), d.spec().blocks());
            if (!shape.equals(d.spec().input())) {
                model.perform(new ReplaceDesign("Set input " + shape, d.withSpec(spec)));
            }
            return null;
        } catch (SpecException | IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private String setPrecision(String text) {
        Design d = model.design();
        Precision p = Precision.parse(text);
        if (p != d.spec().precision()) {
            model.perform(new ReplaceDesign(
                    p == Precision.FULL ? "Make full-precision twin" : "Make binary", d.withSpec(d.spec().withPrecision(p))));
        }
        return null;
    }

    private String setFamilyParameter(String name, String text) {
        try {
            Design rebuilt = Templates.withFamilyParameter(model.design(), name, text);
            if (!rebuilt.equals(model.design())) {
                model.replaceDesign("Set " + name + " of " + model.design().spec().name(), rebuilt);
            }
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
