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

    @Test
    void repeatsTrainEveryConfigurationWithTheBaseSeedAndTheNextOnes() {
        var form = new SweepForm();
        form.baseProperty().set(RunSettings.defaults().withConfig(TrainingConfig.defaults().withSeed(7)));
        assertThat(form.toJson()).doesNotContain("repeats"); // one seed each, as sweeps were before repeats

        form.repeatsProperty().set("3");
        Sweep sweep = form.sweep();

        assertThat(form.toJson()).contains("\"repeats\" : 3");
        assertThat(sweep.repeats()).isEqualTo(3);
        assertThat(sweep.trainingSeeds()).containsExactly(7L, 8L, 9L);
        assertThat(sweep.size()).isEqualTo(4 * 3);
        assertThat(sweep.points()).extracting(p -> p.seed()).containsExactly(7L, 7L, 7L, 7L, 8L, 8L, 8L, 8L, 9L, 9L,
                9L, 9L);
        var reopened = new SweepForm();
        reopened.load(SweepFile.parse(form.toJson(), "x"), "x.json");
        assertThat(reopened.repeatsProperty().get()).isEqualTo("3");
        assertThat(reopened.fileSeedsProperty().get()).isNull();
        assertThat(reopened.sweep().points()).isEqualTo(sweep.points());
    }

    @Test
    void repeatsOutsideOneToAThousandAreRefusedNamingTheField() {
        var form = new SweepForm();
        form.repeatsProperty().set("0");
        assertThatThrownBy(form::sweep).isInstanceOf(SweepFileException.class)
                .hasMessage("repeats: expects a positive integer, got 0");
        form.repeatsProperty().set("1001");
        assertThatThrownBy(form::sweep).hasMessage("repeats: expects at most 1000 seeds per configuration, got 1001");
        form.repeatsProperty().set("two");
        assertThatThrownBy(form::sweep).hasMessage("repeats: expects a number, got 'two'");
        form.repeatsProperty().set("2.5");
        assertThatThrownBy(form::sweep).hasMessage("repeats: expects a positive integer, got 2.5");
        form.repeatsProperty().set("1000");
        assertThat(form.sweep().repeats()).isEqualTo(1000);
    }

    @Test
    void aSweepOfTheSeedItselfStaysValidWithOneRepeat() {
        var form = new SweepForm();
        form.axes().setAll(new SweepForm.Axis("seed", SweepForm.Kind.GRID, "1, 2, 3", false));
        assertThat(form.sweep().size()).isEqualTo(3);
        form.repeatsProperty().set("2");
        assertThatThrownBy(form::sweep).hasMessageStartingWith("repeats: the seed is swept in grid or random too");
    }

    @Test
    void aFilesOwnSeedsAreShownAsTheirNumberAndKeptUntilTheNumberChanges() {
        String file = "{\"name\": \"s\", \"base\": {\"arch\": \"bnn-small\", \"seed\": 42}, "
                + "\"grid\": {\"clip\": [1.0, 1.3]}, \"seeds\": [7, 3, 11]}";
        var form = new SweepForm();
        form.load(SweepFile.parse(file, "s"), "s.json");

        assertThat(form.repeatsProperty().get()).isEqualTo("3");
        assertThat(form.fileSeedsProperty().get()).containsExactly(7L, 3L, 11L);
        assertThat(form.sweep().trainingSeeds()).containsExactly(7L, 3L, 11L);
        assertThat(form.toJson()).doesNotContain("repeats");

        form.repeatsProperty().set("2");
        assertThat(form.sweep().trainingSeeds()).containsExactly(42L, 43L);
        form.repeatsProperty().set("3");
        assertThat(form.sweep().trainingSeeds()).as("the file's list while the number is its own")
                .containsExactly(7L, 3L, 11L);

        // seeds that are the base seed and the next ones are just repeats
        form.load(SweepFile.parse(file.replace("[7, 3, 11]", "[42, 43]"), "s"), "s.json");
        assertThat(form.repeatsProperty().get()).isEqualTo("2");
        assertThat(form.fileSeedsProperty().get()).isNull();
        assertThat(form.toJson()).contains("\"repeats\" : 2");
    }
}
