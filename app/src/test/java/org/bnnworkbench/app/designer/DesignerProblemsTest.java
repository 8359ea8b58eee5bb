package org.bnnworkbench.app.designer;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.ListView;
import org.bnnworkbench.engine.spec.SpecException;
import org.junit.jupiter.api.Test;

/** An invalid design is listed in the problems panel and marked on its blocks; a problem leads to its block. */
class DesignerProblemsTest extends DesignerUiTest {

    @SuppressWarnings("unchecked")
    private ListView<SpecException> problems() {
        return robot.lookup("#problems-list").queryAs(ListView.class);
    }

    private boolean marked(String blockId) {
        Node block = robot.lookup("#block-" + blockId).query();
        Node mark = robot.from(block).lookup(".problem-mark").query();
        return block.getPseudoClassStates().toString().contains("problem") && mark.isVisible();
    }

    @Test
    void aShortcutFedTwoResolutionsIsListedMarkedAndClickingTheProblemSelectsIt() {
        newDesign();
        dragFromPalette("pool", w.canvasPoint(0.3, 0.75));
        connect("input", "pool1", 0);
        dragFromPalette("shortcut", w.canvasPoint(0.6, 0.9));
        connect("input", "shortcut1", 0);
        connect("pool1", "shortcut1", 1);

        assertThat(w.design().block("shortcut1").orElseThrow().inputs()).containsExactly("input", "pool1");
        assertThat(problems().getItems()).extracting(SpecException::getMessage)
                .anyMatch(m -> m.startsWith("block 'shortcut1': cannot down-sample the skip path"));
        assertThat(marked("shortcut1")).isTrue();
        assertThat(marked("pool1")).isFalse();
        assertThat(robot.lookup("#problems-heading").queryLabeled().getText()).startsWith("Problems (");

        Node cell = robot.lookup((Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getText() != null && c.getText().contains("cannot down-sample")).query();
        robot.clickOn(cell);
        w.settle();

        assertThat(w.model().selection()).containsExactly("shortcut1");
    }

    @Test
    void anUnconnectedInputIsAProblemUntilItIsWired() {
        newDesign();
        dragFromPalette("dense", w.canvasPoint(0.5, 0.8));

        assertThat(problems().getItems()).extracting(SpecException::getMessage)
                .contains("block 'dense1': input 1 is not connected");
        assertThat(marked("dense1")).isTrue();

        connect("input", "dense1", 0);

        assertThat(problems().getItems()).extracting(SpecException::getMessage)
                .doesNotContain("block 'dense1': input 1 is not connected");
    }

    @Test
    void theBnnSmallTemplateHasNoProblems() {
        assertThat(problems().getItems()).isEmpty();
        assertThat(robot.lookup(".problem-mark").<Node>queryAll()).noneMatch(Node::isVisible);
    }
}
