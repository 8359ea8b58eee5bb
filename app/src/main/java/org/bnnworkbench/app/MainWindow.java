package org.bnnworkbench.app;

import java.nio.file.Path;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import org.bnnworkbench.app.start.StartView;
import org.controlsfx.control.StatusBar;

/**
 * The main window's content: menu bar, one tab per view, status bar. A view gets its tab when it is built
 * (Designer, Training, Sweeps, Compare); until then it has none, so nothing in the window is a dead end.
 */
final class MainWindow {

    private final BorderPane root = new BorderPane();

    MainWindow(AppInfo info, Path logFile, Runnable quit) {
        root.setTop(menuBar(info, logFile, quit));
        root.setCenter(tabs());
        root.setBottom(statusBar(info));
    }

    Parent root() {
        return root;
    }

    private MenuBar menuBar(AppInfo info, Path logFile, Runnable quit) {
        var quitItem = new MenuItem("Quit");
        quitItem.setId("quit");
        quitItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quitItem.setOnAction(event -> quit.run());

        var aboutItem = new MenuItem("About BNN Workbench");
        aboutItem.setId("about");
        aboutItem.setOnAction(event -> new AboutDialog(info, logFile, root.getScene().getWindow()).showAndWait());

        return new MenuBar(new Menu("File", null, quitItem), new Menu("Help", null, aboutItem));
    }

    private static TabPane tabs() {
        var start = new Tab("Start", StartView.create());
        start.setId("start-tab");
        var tabs = new TabPane(start);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private static StatusBar statusBar(AppInfo info) {
        var status = new StatusBar();
        status.setId("status-bar");
        status.setText("Ready");
        status.getRightItems().add(new Label("BNN Workbench " + info.version()));
        return status;
    }
}
