package org.bnnworkbench.app.designer;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.input.KeyCode;
import org.bnnworkbench.app.designer.view.Numbers;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.cost.NetworkCost;
import org.bnnworkbench.engine.spec.DenseBlock;
import org.junit.jupiter.api.Test;

/** Templates from the published tables, and editing a family instance. */
class DesignerTemplatesTest extends DesignerUiTest {

    private void openTemplate(String name) {
        menu("File", "Open Template\u2026");
        robot.clickOn("#template-filter").write(name);
        robot.type(KeyCode.ENTER);
        w.settle();
    }

    @Test
    void meliusNet22FromOpenTemplateShowsTheCostModelTotalsInTheStatusBar() {
        openTemplate("meliusnet22");

        NetworkCost cost = CostModel.of(Architectures.get("meliusnet22").spec(), CostConvention.BMXNET);
        assertThat(w.design().spec()).isEqualTo(Architectures.get("meliusnet22").spec());
        assertThat(Numbers.mib(cost.modelSizeMiB())).isEqualTo("3.88 MiB");
        assertThat(Numbers.sci(cost.ops())).isEqualTo("2.08e8");
        assertThat(w.status()).contains("3.88 MiB").contains("2.08e8 OPs")
                .contains(String.format(java.util.Locale.ROOT, "%,d params", cost.parameters()));
        assertThat(robot.lookup("#comparison").queryLabeled().getText())
                .isEqualTo("size like meliusnet22, OPs like meliusnet22");
        assertThat(w.canvas().nodeCount()).isEqualTo(w.design().blocks().size() + 1);
    }

    @Test
    void changingBlocksOfMeliusNet22RebuildsTheNetworkAndUndoBringsItBack() {
        openTemplate("meliusnet22");
        int before = w.design().blocks().size();

        typeParameter("blocks", "4,5,4,5");

        assertThat(w.design().family().parameters()).containsEntry("blocks", "4,5,4,5");
        assertThat(w.design().block("s4b5-dense")).isPresent();
        assertThat(w.design().blocks()).hasSize(before + 2);
        assertThat(robot.lookup("#block-s4b5-improve").tryQuery()).isPresent();
        assertThat(w.model().undoNameProperty().get()).isEqualTo("Set blocks of meliusnet22");

        shortcut(KeyCode.Z);
        assertThat(w.design().blocks()).hasSize(before);
        assertThat(robot.lookup("#block-s4b5-dense").tryQuery()).isEmpty();
    }

    @Test
    void aRefusedFamilyValueSaysWhyAndLeavesTheNetworkAlone() {
        openTemplate("meliusnet22");

        typeParameter("reductions", "2.2,2.2");

        assertThat(robot.lookup("#property-sheet #error-reductions").queryLabeled().getText()).contains("reductions");
        assertThat(w.design().spec()).isEqualTo(Architectures.get("meliusnet22").spec());
    }

    @Test
    void expandingIntoBlocksThenEditingOneBlockChangesOnlyThatBlock() {
        openTemplate("meliusnet22");

        robot.clickOn("#expand-family");
        w.settle();
        assertThat(w.design().family()).isNull();
        assertThat(robot.lookup("#expand-family").query().isVisible()).isFalse();

        clickBlock("s2b1-dense");
        typeParameter("growth", "32");

        assertThat(((DenseBlock) w.design().block("s2b1-dense").orElseThrow()).growth()).isEqualTo(32);
        assertThat(((DenseBlock) w.design().block("s2b2-dense").orElseThrow()).growth()).isEqualTo(64);
        assertThat(w.design().blocks()).hasSameSizeAs(Architectures.get("meliusnet22").spec().blocks());
    }

    @Test
    void meliusNet59OpensWithEveryBlockOnTheCanvasAndCollapseAllStagesFoldsThem() {
        openTemplate("meliusnet59");

        assertThat(w.canvas().nodeCount()).isEqualTo(w.design().blocks().size() + 1);
        assertThat(w.design().groups()).extracting(g -> g.name()).contains("stage 1", "stage 2", "stage 3", "stage 4");

        menu("Edit", "Collapse All Stages");
        int ungrouped = (int) w.design().blocks().stream().filter(b -> w.design().groupOf(b.id()).isEmpty()).count();
        assertThat(w.canvas().nodeCount()).isEqualTo(1 + ungrouped + w.design().groups().size());
        assertThat(robot.lookup("#block-group-stage-3").queryAs(javafx.scene.Node.class)).isNotNull();
    }
}
