package org.bnnworkbench.app.designer.view;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import org.bnnworkbench.app.designer.DesignerModel;
import org.bnnworkbench.engine.spec.SpecException;

/** The problems of the design (shape mismatches, unconnected blocks, cycles); a click selects the block. */
public final class ProblemsView extends VBox {

    private final ListView<SpecException> list = new ListView<>();
    private final Label heading = new Label("Problems");

    public ProblemsView(DesignerModel model) {
        setId("problems");
        getStyleClass().add("problems-view");
        heading.getStyleClass().add("pane-heading");
        list.setId("problems-list");
        list.setPlaceholder(new Label("No problems"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SpecException item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getMessage());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, p) -> {
            if (p != null && p.blockId() != null && model.design().block(p.blockId()).isPresent()) {
                model.select(List.of(p.blockId()));
            }
        });
        model.analysisProperty().addListener((obs, old, a) -> {
            if (a != null) {
                list.getItems().setAll(a.problems());
                heading.setText(a.problems().isEmpty() ? "Problems" : "Problems (" + a.problems().size() + ")");
            }
        });
        getChildren().addAll(heading, list);
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
    }
}
