package org.bnnworkbench.app.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.bnnworkbench.app.designer.model.Design;
import org.junit.jupiter.api.Test;

/** Saving, opening, the unsaved-changes guard, autosave with recovery, and the PNG export. */
class DesignerFilesTest extends DesignerUiTest {

    /** Changes bnn-small the way a user would: collapses a stage and deletes a block. */
    private void changeTheDesign() {
        robot.clickOn("#collapse-stage-1");
        w.settle();
        clickBlock("r2-conv");
        robot.type(KeyCode.DELETE);
        w.settle();
        assertThat(w.design().block("r2-conv")).isEmpty();
    }

    @Test
    void savingAndReopeningGivesTheSameDesign() throws Exception {
        changeTheDesign();
        Design edited = w.design();
        Path file = home.resolve("my design.json");

        dialogs.fileAnswers.add(file);
        shortcut(KeyCode.S);
        assertThat(Files.exists(file)).isTrue();
        assertThat(w.model().dirtyProperty().get()).isFalse();
        assertThat(w.stage.getTitle()).isEqualTo("my design.json \u2013 BNN Workbench");

        newDesign();
        assertThat(w.design().blocks()).isEmpty();
        assertThat(dialogs.asked).containsExactly("save file bnn-small.json");

        dialogs.fileAnswers.add(file);
        shortcut(KeyCode.O);

        assertThat(w.design()).isEqualTo(edited);
        assertThat(w.model().fileProperty().get()).isEqualTo(file);
        assertThat(robot.lookup("#block-group-stage-1").tryQuery()).isPresent();
    }

    @Test
    void openRecentListsTheSavedFileAndOpensIt() {
        changeTheDesign();
        Design edited = w.design();
        Path file = home.resolve("recent.json").toAbsolutePath().normalize();
        dialogs.fileAnswers.add(file);
        shortcut(KeyCode.S);
        newDesign();

        robot.clickOn("File");
        robot.moveBy(0, 30);
        robot.moveTo("Open Recent");
        robot.moveBy(60, 0);
        w.settle();
        robot.clickOn(file.toString());
        w.settle();

        assertThat(w.design()).isEqualTo(edited);
        assertThat(w.model().fileProperty().get()).isEqualTo(file);
    }

    @Test
    void newWithUnsavedChangesAsksAndCancelKeepsTheDesign() {
        changeTheDesign();
        Design edited = w.design();

        dialogs.unsavedAnswers.add("cancel");
        shortcut(KeyCode.N);

        assertThat(dialogs.asked).containsExactly("unsaved changes in bnn-small");
        assertThat(w.design()).isEqualTo(edited);
        assertThat(w.model().dirtyProperty().get()).isTrue();

        dialogs.unsavedAnswers.add("discard");
        menu("File", "New");
        assertThat(w.design().blocks()).isEmpty();
    }

    @Test
    void afterACrashTheAutosavedDesignIsOfferedAndRecoveredInANewWindow() throws TimeoutException {
        changeTheDesign();
        Design edited = w.design();
        Path autosaved = home.resolve("autosave").resolve("design.json");
        DesignerWindow.waitFor(() -> Files.exists(autosaved), "the autosave");
        w.close(); // the window goes away without asking: a crash

        var next = new ScriptedDialogs();
        next.recoverAnswer = true;
        w = DesignerWindow.open(home, next);

        assertThat(next.asked).containsExactly("recover bnn-small");
        assertThat(w.design()).isEqualTo(edited);
        assertThat(w.model().dirtyProperty().get()).isTrue();
        assertThat(robot.lookup("#block-r2-conv").tryQuery()).isEmpty();
    }

    @Test
    void declinedRecoveryStartsOnBnnSmallAndForgetsTheAutosave() throws TimeoutException {
        changeTheDesign();
        Path autosaved = home.resolve("autosave").resolve("design.json");
        DesignerWindow.waitFor(() -> Files.exists(autosaved), "the autosave");
        w.close();

        var next = new ScriptedDialogs();
        next.recoverAnswer = false;
        w = DesignerWindow.open(home, next);

        assertThat(next.asked).containsExactly("recover bnn-small");
        assertThat(w.design().block("r2-conv")).isPresent();
        assertThat(Files.exists(autosaved)).isFalse();
    }

    @Test
    void exportAsPngWritesAPictureOfTheWholeDesign() throws Exception {
        Path png = home.resolve("bnn-small.png");
        dialogs.fileAnswers.add(png);

        menu("File", "Export as PNG\u2026");
        DesignerWindow.waitFor(() -> Files.exists(png), "the picture to be written");

        BufferedImage image = ImageIO.read(png.toFile());
        var content = w.canvas().contentBounds();
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(content.getWidth() + 40));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(content.getHeight() + 40));
        // every block is in the picture: its title bar is not white paper
        for (var b : w.design().blocks()) {
            var p = w.design().position(b.id());
            int x = (int) (p.x() - content.getMinX() + 20 + 12);
            int y = (int) (p.y() - content.getMinY() + 20 + 16);
            assertThat(image.getRGB(x, y) & 0xffffff).as("pixel in block %s", b.id()).isNotEqualTo(0xffffff);
        }
        int white = 0;
        for (int x = 0; x < image.getWidth(); x += 4) {
            for (int y = 0; y < image.getHeight(); y += 4) {
                white += (image.getRGB(x, y) & 0xffffff) == 0xffffff ? 1 : 0;
            }
        }
        assertThat(white).as("white samples").isGreaterThan(0);
        assertThat(dialogs.errors).isEmpty();
    }
}
