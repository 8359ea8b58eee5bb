package org.bnnworkbench.app.sweeps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.experiments.run.RunSettings;
import org.bnnworkbench.experiments.sweep.Sweep;
import org.bnnworkbench.experiments.sweep.SweepFile;
import org.bnnworkbench.experiments.sweep.SweepFileException;
import org.junit.jupiter.api.Test;

/** The form and the sweep file format, without a window. */
class SweepFormTest {

    @Test
    void theFormWritesASweepFileThatReadsBackAsTheSameSweep() {
        var form = new SweepForm();
        form.baseProperty().set(RunSettings.defaults().withParam("blocks", "2,2")
                .withConfig(TrainingConfig.defaults().withEpochs(2).withLimits(256, 128)));
        form.axes().add(new SweepForm.Axis("blocks", SweepForm.Kind.GRID, "2,2; 2,2,2", false));
        form.axes().add(new SweepForm.Axis("lr", SweepForm.Kind.RANGE, "0.0001..0.01", true));
        form.axes().add(new SweepForm.Axis("estimator", SweepForm.Kind.CHOICE, "ste, approx", false));
        form.samplesProperty().set("3");
        form.secondsProperty().set("600");
        form.parallelProperty().set(2);

        Sweep sweep = form.sweep();

        assertThat(sweep.size()).isEqualTo(4 * 2 * 3);
        assertThat(sweep.base().params()).containsEntry("blocks", "2,2");
        assertThat(sweep.base().config()).isEqualTo(TrainingConfig.defaults().withEpochs(2).withLimits(256, 128));
        assertThat(sweep.secondsBudget()).isEqualTo(600);
        assertThat(sweep.parallel()).isEqualTo(2);

        var reopened = new SweepForm();
        reopened.load(SweepFile.parse(form.toJson(), "x"), "x.json");
        assertThat(reopened.sweep().points()).isEqualTo(sweep.points());
        assertThat(reopened.axes()).extracting(a -> a.valuesProperty().get())
                .containsExactly("0.5, 1, 1.3, 2", "2,2; 2,2,2", "0.0001..0.01", "ste, approx");
    }

    @Test
    void mistakesNameTheFieldAsBnnSweepWould() {
        var form = new SweepForm();
        form.axes().get(0).valuesProperty().set("1.0, 1.0");
        assertThatThrownBy(form::sweep).isInstanceOf(SweepFileException.class)
                .hasMessage("grid.clip: 1 is listed twice");

        form.axes().get(0).valuesProperty().set("1.0");
        form.secondsProperty().set("60");
        assertThatThrownBy(form::toJson).hasMessageStartingWith("random.seconds: a time budget applies to random");

        form.secondsProperty().set("");
        form.axes().add(new SweepForm.Axis("growthrate", SweepForm.Kind.GRID, "16", false));
        assertThatThrownBy(form::sweep).hasMessageContaining("grid.growthrate: unknown parameter 'growthrate'");
    }
}
