package org.bnnworkbench.app.designer.view;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.SetChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.bnnworkbench.app.designer.DesignerModel;
import org.bnnworkbench.app.designer.edit.ReplaceDesign;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.app.designer.model.Templates;
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
 * family instance, the family's parameters with a button to expand it into editable blocks.
 */
public final class PropertiesView extends VBox {

    private final DesignerModel model;
    private final PropertySheet sheet = new PropertySheet();
    private final Label heading = new Label();
    private final Button expand = new Button("Expand into blocks");

    public PropertiesView(DesignerModel model) {
        this.model = model;
        setId("properties");
        getStyleClass().add("properties-view");
        heading.getStyleClass().add("pane-heading");
        heading.setId("properties-heading");
        heading.setWrapText(true);
        sheet.setId("property-sheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setPropertyEditorFactory(item -> new ParameterEditor((ParameterItem) item));
        expand.setId("expand-family");
        expand.setOnAction(e -> model.replaceDesign("Expand into blocks", Templates.expand(model.design())));
        getChildren().addAll(heading, expand, sheet);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        model.designProperty().addListener((obs, old, d) -> refresh());
        model.selection().addListener((SetChangeListener<String>) c -> refresh());
        refresh();
    }

    private void refresh() {
        Design d = model.design();
        boolean bound = d.family() != null;
        expand.setVisible(bound && model.selection().isEmpty());
        expand.setManaged(expand.isVisible());
        List<ParameterItem> items = new ArrayList<>();
        if (model.selection().size() == 1) {
            String id = model.selection().iterator().next();
            Block b = d.block(id).orElse(null);
            if (b == null) {
                sheet.getItems().clear();
                return;
            }
            BlockKind kind = BlockKinds.of(b);
            heading.setText(kind.title() + " '" + id + "': " + kind.description()
                    + (bound ? "\n(part of a " + d.family().family() + " family instance: expand it to edit blocks)" : ""));
            ParameterValues values = kind.values(b);
            for (ParameterDeclaration p : kind.parameters()) {
                items.add(new ParameterItem(kind.title(), p, p.format(values.get(p.name())),
                        text -> model.setParameter(id, p.name(), text), !bound));
            }
        } else if (model.selection().size() > 1) {
            heading.setText(model.selection().size() + " blocks selected");
        } else {
            heading.setText("Design '" + d.spec().name() + "'" + (bound ? ": an instance of the " + d.family().family()
                    + " family" : ""));
            if (bound) {
                // first, so the sheet opens on the family's parameters
                ParameterValues values = Templates.familyValues(d);
                for (ParameterDeclaration p : values.declarations()) {
                    items.add(new ParameterItem("Family: " + d.family().family(), p, p.format(values.get(p.name())),
                            text -> setFamilyParameter(p.name(), text), true));
                }
            }
            items.addAll(designItems(d));
        }
        sheet.getItems().setAll(items);
    }

    private List<ParameterItem> designItems(Design d) {
        var name = ParameterDeclaration.text("name", d.spec().name(), "the design's name");
        var input = ParameterDeclaration.shape("input", d.spec().input(), "the input image HxWxC");
        var precision = ParameterDeclaration.choice("precision", d.spec().precision().id(), List.of("binary", "full"),
                "binary, or its full-precision twin (32-bit convs, ReLU for sign)");
        List<ParameterItem> items = new ArrayList<>();
        items.add(new ParameterItem("Design", name, d.spec().name(), this::rename, true));
        if (d.family() == null) {
            items.add(new ParameterItem("Design", input, d.spec().input().toString(), this::setInput, true));
        }
        items.add(new ParameterItem("Design", precision, d.spec().precision().id(), this::setPrecision, true));
        return items;
    }

    private String rename(String text) {
        String name = text.trim();
        if (name.isEmpty()) {
            return "the name must not be empty";
        }
        Design d = model.design();
        if (!name.equals(d.spec().name())) {
            model.perform(new ReplaceDesign("Rename to " + name,
                    d.withSpec(d.spec().withName(name))));
        }
        return null;
    }

    private String setInput(String text) {
        try {
            InputShape shape = InputShape.parse(text);
            Design d = model.design();
            NetworkSpec spec = new NetworkSpec(d.spec().name(), shape, d.spec().precision(), d.spec().blocks());
            if (!shape.equals(d.spec().input())) {
                model.perform(new ReplaceDesign("Set input " + shape, d.withSpec(spec)));
            }
            return null;
        } catch (SpecException e) {
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
            model.replaceDesign("Set " + name + " of " + model.design().spec().name(), rebuilt);
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
