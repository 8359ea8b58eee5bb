package org.bnnworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.bnnworkbench.app.errors.AppLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real application (headless, under Monocle) and looks at it as a user would. */
class BnnWorkbenchAppTest {

    private static Stage stage;
    private static Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startTheApp() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(BnnWorkbenchApp.class);
    }

    @AfterAll
    static void stopTheApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @AfterEach
    void closeDialogs() throws Exception {
        FxToolkit.setupFixture(() -> robot.lookup(".dialog-pane").queryAllAs(DialogPane.class)
                .forEach(pane -> pane.getScene().getWindow().hide()));
    }

    @Test
    void theWindowIsTitledWithTheDesignAndBnnWorkbench() {
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).isEqualTo("bnn-small \u2013 BNN Workbench");
    }

    @Test
    void theDesignerOpensFirstOnBnnSmallAndTheStartTabExplainsTheTool() {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);

        assertThat(tabs.getTabs()).extracting(Tab::getText)
                .containsExactly("Designer", "Training", "Runs", "Sweeps", "Compare", "Start");
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Designer");
        assertThat(robot.lookup("#block-s1b1-dense").tryQuery()).isPresent();

        robot.clickOn("Start");
        Node startView = robot.lookup("#start-view").query();
        assertThat(startView.isVisible()).isTrue();
        assertThat(textOf(startView)).contains("binary neural network").contains("fashion-mnist-subset");
        robot.clickOn("Designer");
    }

    @Test
    void theStatusBarShowsTheTotalsOfTheDesign() throws Exception {
        org.controlsfx.control.StatusBar status = robot.lookup("#status-bar").queryAs(org.controlsfx.control.StatusBar.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().contains("params"));
        assertThat(status.getText()).contains("433,610 params").contains("MiB").contains("OPs");
    }

    @Test
    void aboutShowsTheVersionAndTheLicencesOfTheBundledLibraries() {
        robot.clickOn("Help").clickOn("About BNN Workbench");

        DialogPane about = robot.lookup("#about-dialog").queryAs(DialogPane.class);
        assertThat(about.getHeaderText()).isEqualTo("BNN Workbench " + AppInfo.load().version());
        assertThat(textOf(about))
                .contains("Apache-2.0")
                .contains("JavaFX").contains("GPL-2.0 with Classpath Exception")
                .contains("ControlsFX").contains("BSD-3-Clause");
        robot.clickOn("Close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#about-dialog").tryQuery()).isEmpty();
    }

    @Test
    void anUncaughtErrorShowsAnAlertWritesTheLogAndTheAppKeepsRunning() throws Exception {
        Platform.runLater(() -> {
            throw new IllegalStateException("boom from the test");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#error-alert").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane alert = robot.lookup("#error-alert").queryAs(DialogPane.class);
        assertThat(alert.getContentText()).contains("IllegalStateException: boom from the test")
                .contains(AppLog.defaultFile().toString());
        String log = Files.readString(AppLog.defaultFile(), StandardCharsets.UTF_8);
        assertThat(log).contains("java.lang.IllegalStateException: boom from the test")
                .contains("at " + BnnWorkbenchAppTest.class.getName());

        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
    }

    private String textOf(Node root) {
        return robot.from(root).lookup((Node n) -> n instanceof Labeled).queryAllAs(Labeled.class).stream()
                .map(Labeled::getText)
                .collect(Collectors.joining("\n"));
    }
}
