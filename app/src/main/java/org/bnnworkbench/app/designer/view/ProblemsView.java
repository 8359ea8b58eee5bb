package org.bnnworkbench.app.designer.view;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.bnnworkbench.app.designer.DesignerModel;
import org.bnnworkbench.engine.spec.SpecException;

/**
 * The problems of the design (shape mismatches, unconnected inputs and outputs, cycles). Clicking
 * a problem (or Enter on it) selects its block and scrolls the canvas to it.
 */
public final class ProblemsView extends VBox {

    private final DesignerModel model;
    private final Consumer<String> reveal;
    private final ListView<SpecException> list = new ListView<>();
    private final Label heading = new Label("Problems");

    /** @param reveal brings a block into view on the canvas */
    public ProblemsView(DesignerModel model, Consumer<String> reveal) {
        this.model = model;
        this.reveal = reveal;
        setId("problems");
        getStyleClass().add("problems-view");
        heading.getStyleClass().add("pane-heading");
        heading.setId("problems-heading");
        list.setId("problems-list");
        list.setPlaceholder(new Label("No problems"));
        list.setCellFactory(v -> {
            var cell = new ListCell<SpecException>() {
                @Override
                protected void updateItem(SpecException item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : item.getMessage());
                    setWrapText(true);
                    setPrefWidth(0);
                    getStyleClass().remove("problem-cell");
                    if (!empty && item != null) {
                        getStyleClass().add("problem-cell");
                    }
                }
            };
            cell.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && !cell.isEmpty()) {
                    go(cell.getItem());
                }
            });
            return cell;
        });
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                go(list.getSelectionModel().getSelectedItem());
            }
        });
        model.analysisProperty().addListener((obs, old, a) -> {
            if (a != null) {
                list.getItems().setAll(a.problems());
                heading.setText(a.problems().isEmpty() ? "Problems" : "Problems (" + a.problems().size() + ")");
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("has-problems"), !a.problems().isEmpty());
            }
        });
        getChildren().addAll(heading, list);
        VBox.setVgrow(list, Priority.ALWAYS);
    }

    private void go(SpecException problem) {
        String id = problem.blockId();
        if (id != null && model.design().block(id).isPresent()) {
            model.design().groupOf(id).filter(g -> g.collapsed()).ifPresent(g -> model.setCollapsed(g.name(), false));
            model.select(List.of(id));
            reveal.accept(id);
        }
    }
}
