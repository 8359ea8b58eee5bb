package org.bnnworkbench.app.designer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.app.designer.model.Templates;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.architectures.Family;
import org.bnnworkbench.architectures.NamedNetwork;

/**
 * Picks a template: a named network of the published tables, a small member, or a bare family.
 * Typing filters the list; Enter or a double-click opens the selected one.
 */
final class TemplateChooser {

    private record Choice(String name, String description, NamedNetwork named, Family family) {
        @Override
        public String toString() {
            return name + "  \u2013  " + description;
        }

        Design design() {
            return named != null ? Templates.fromNamed(named)
                    : Templates.fromFamily(family, family.defaults(), family.name(), false);
        }
    }

    private TemplateChooser() {
    }

    static Optional<Design> choose(Window owner) {
        List<Choice> choices = new ArrayList<>();
        for (NamedNetwork n : Architectures.named()) {
            choices.add(new Choice(n.name(), n.description(), n, null));
        }
        for (Family f : Architectures.families()) {
            choices.add(new Choice("family: " + f.name(), f.description().toLowerCase(Locale.ROOT), null, f));
        }
        var filtered = new FilteredList<>(FXCollections.observableArrayList(choices));
        var list = new ListView<>(filtered);
        list.setId("template-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Choice item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                var name = new Label(item.name());
                name.getStyleClass().add("template-name");
                name.setMinWidth(190);
                var description = new Label(item.description());
                description.getStyleClass().add("template-description");
                setText(null);
                setGraphic(new HBox(10, name, description));
            }
        });
        list.getSelectionModel().selectFirst();
        list.setPrefSize(620, 400);
        var filter = new TextField();
        filter.setId("template-filter");
        filter.setPromptText("Type to filter, e.g. melius");
        filter.textProperty().addListener((obs, old, text) -> {
            String t = text.trim().toLowerCase(Locale.ROOT);
            filtered.setPredicate(c -> t.isEmpty() || c.toString().toLowerCase(Locale.ROOT).contains(t));
            // an exact name match wins (typing "meliusnet22" must not open meliusnet22-something)
            Choice exact = filtered.stream().filter(c -> c.name().equalsIgnoreCase(t)).findFirst().orElse(null);
            if (exact != null) {
                list.getSelectionModel().select(exact);
            } else {
                list.getSelectionModel().selectFirst();
            }
            list.scrollTo(list.getSelectionModel().getSelectedIndex());
        });
        filter.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                int i = list.getSelectionModel().getSelectedIndex() + (e.getCode() == KeyCode.DOWN ? 1 : -1);
                if (i >= 0 && i < filtered.size()) {
                    list.getSelectionModel().select(i);
                    list.scrollTo(i);
                }
                e.consume();
            }
        });
        var open = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
        var dialog = new Dialog<Design>();
        dialog.initOwner(owner);
        dialog.setTitle("Open template");
        dialog.setHeaderText("Open a named network or a family. Its family parameters stay editable until you expand it.");
        dialog.getDialogPane().setId("template-dialog");
        var content = new VBox(8, filter, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        var openButton = (Button) dialog.getDialogPane().lookupButton(open);
        openButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                openButton.fire();
            }
        });
        dialog.setResultConverter(b -> b == open && list.getSelectionModel().getSelectedItem() != null
                ? list.getSelectionModel().getSelectedItem().design() : null);
        Platform.runLater(filter::requestFocus);
        return dialog.showAndWait();
    }
}
