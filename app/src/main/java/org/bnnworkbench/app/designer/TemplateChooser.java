package org.bnnworkbench.app.designer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.app.designer.model.Templates;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.architectures.Family;
import org.bnnworkbench.architectures.NamedNetwork;

/** Picks a template: a named network of the published tables, a small member, or a bare family. */
final class TemplateChooser {

    private record Choice(String label, NamedNetwork named, Family family) {
        @Override
        public String toString() {
            return label;
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
            choices.add(new Choice(n.name() + "  \u2013  " + n.description(), n, null));
        }
        for (Family f : Architectures.families()) {
            choices.add(new Choice("family: " + f.name() + "  \u2013  " + f.description().toLowerCase(Locale.ROOT), null, f));
        }
        var list = new ListView<Choice>();
        list.setId("template-list");
        list.getItems().setAll(choices);
        list.getSelectionModel().selectFirst();
        list.setPrefSize(560, 420);
        var open = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
        var dialog = new Dialog<Design>();
        dialog.initOwner(owner);
        dialog.setTitle("Open template");
        dialog.setHeaderText("Open a named network or a family; its parameters stay editable until you expand it.");
        dialog.getDialogPane().setContent(new VBox(8, new Label("Templates"), list));
        dialog.getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                ((javafx.scene.control.Button) dialog.getDialogPane().lookupButton(open)).fire();
            }
        });
        dialog.setResultConverter(b -> b == open && list.getSelectionModel().getSelectedItem() != null
                ? list.getSelectionModel().getSelectedItem().design() : null);
        return dialog.showAndWait();
    }
}
