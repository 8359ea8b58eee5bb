package org.bnnworkbench.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bnnworkbench.experiments.run.RunSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sweep files are read strictly: each mistake is one message that starts with the field it is in. */
class SweepFileTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"base\": {\"arch\": \"bnn-small\"}                                        | not valid JSON at line 1",
        "[1, 2]                                                                     | a sweep file holds one JSON object",
        "{\"grid\": {\"clip\": [1.0]}}                                              | base: missing",
        "{\"base\": {\"epochs\": 1}}                                                | base.arch: missing",
        "{\"base\": {\"arch\": \"resnet-9000\"}}                                    | base.arch: expects a named network",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"grids\": {}}                       | grids: unknown field",
        "{\"base\": {\"arch\": \"bnn-small\", \"clipp\": 1}}                        | base.clipp: unknown field",
        "{\"base\": {\"arch\": \"bnn-small\", \"growthRate\": 16}}                  | base.growthRate: unknown field",
        "{\"base\": {\"arch\": \"bnn-small\", \"clip\": -1}}                        | base.clip: expects a positive number, got '-1'",
        "{\"base\": {\"arch\": \"bnn-small\", \"epochs\": 1.5}}                     | base.epochs: expects a positive integer, got '1.5'",
        "{\"base\": {\"arch\": \"bnn-small\", \"params\": {\"clip\": 1}}}           | base.params.clip: 'clip' is not a parameter of the architecture",
        "{\"base\": {\"arch\": \"bnn-small\", \"params\": {\"growthRate\": 0}}}     | base.params.growthRate: expects",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"grid\": {\"clip\": []}}           | grid.clip: an empty list gives no points",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"grid\": {\"clip\": 1.3}}           | grid.clip: expects a list of values",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"grid\": {\"clip\": [1, -2]}}       | grid.clip[1]: expects a positive number, got '-2'",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"grid\": {\"clip\": [1.3, 1.30]}}   | grid.clip: 1.3 is listed twice",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"grid\": {\"foo\": [1]}}            | grid.foo: unknown parameter 'foo'",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"grid\": {\"classes\": [10]}}       | grid.classes: 'classes' follows from the data set",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"grid\": {\"estimator\": [\"sign\"]}} | grid.estimator[0]: expects one of ste, approx, swish",
        "{\"base\": {\"arch\": \"resnete-mini\"}, \"grid\": {\"growthRate\": [8]}}  | grid.growthRate: unknown parameter 'growthRate'",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"grid\": {\"arch\": [\"bnn-small\", \"resnete-mini\"], \"growthRate\": [8]}} | grid.growthRate: unknown parameter 'growthRate': neither a training parameter",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"random\": {\"space\": {\"lr\": [0.1]}}}  | random.samples: missing",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"random\": {\"samples\": 0, \"space\": {\"lr\": [0.1]}}} | random.samples: expects a positive integer",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"random\": {\"samples\": 2, \"space\": {}}} | random.space: expects an object of parameters",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"random\": {\"samples\": 2, \"seconds\": -5, \"space\": {\"lr\": [0.1]}}} | random.seconds: expects a positive number",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"random\": {\"samples\": 2, \"space\": {\"estimator\": {\"min\": 0, \"max\": 1}}}} | random.space.estimator: 'estimator' is not a number",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"random\": {\"samples\": 2, \"space\": {\"lr\": {\"min\": 0.1, \"max\": 0.01}}}} | random.space.lr: min 0.1 is above max 0.01",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"random\": {\"samples\": 2, \"space\": {\"lr\": {\"min\": 0, \"max\": 0.01}}}} | random.space.lr.min: expects a positive number",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"random\": {\"samples\": 2, \"space\": {\"momentum\": {\"min\": 0, \"max\": 0.9, \"log\": true}}}} | random.space.momentum.min: a log range needs min > 0",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"random\": {\"samples\": 2, \"space\": {\"growthRate\": {\"min\": 8.5, \"max\": 32}}}} | random.space.growthRate.min: expects a whole number",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"random\": {\"samples\": 2, \"space\": {\"lr\": {\"min\": 0.001, \"max\": 0.01, \"step\": 2}}}} | random.space.lr.step: unknown field",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"grid\": {\"clip\": [1.0]}, \"random\": {\"samples\": 2, \"space\": {\"clip\": [0.5]}}} | random.space.clip: 'clip' is in grid too",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"parallel\": 0}                     | parallel: expects a positive integer",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"repeats\": 0}                      | repeats: expects a positive integer",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"repeats\": 1001}                   | repeats: expects at most 1000 seeds",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"repeats\": \"5\"}                  | repeats: expects a positive integer",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"seeds\": []}                       | seeds: expects a non-empty list",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"seeds\": [1, 2.5]}                 | seeds[1]: expects an integer seed, got 2.5",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"seeds\": [1, 2, 1]}                | seeds[2]: 1 is listed twice",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"repeats\": 3, \"seeds\": [1, 2]}  | repeats: is 3 but seeds lists 2",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"grid\": {\"seed\": [1, 2]}, \"repeats\": 2} | repeats: the seed is swept in grid or random too",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"grid\": {\"arch\": [{\"params\": {}}]}} | grid.arch[0].arch: missing",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"grid\": {\"arch\": [{\"arch\": \"resnete-mini\", \"size\": 1}]}} | grid.arch[0].size: unknown field",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"grid\": {\"arch\": [{\"arch\": \"resnete-mini\", \"params\": {\"growthRate\": 8}}]}} | grid.arch[0].params.growthRate: unknown parameter 'growthRate'",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"grid\": {\"arch\": [{\"arch\": \"resnete-mini\", \"params\": {\"width\": 0}}]}} | grid.arch[0].params.width: expects",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"grid\": {\"arch\": [{\"arch\": \"resnete-mini\", \"params\": {\"clip\": 1}}]}} | grid.arch[0].params.clip: 'clip' is not a parameter of resnete-mini",
    })
    void aMistakeIsOneMessageNamingTheField(String json, String message) {
        assertThatThrownBy(() -> SweepFile.parse(json, "test")).isInstanceOf(SweepFileException.class)
                .hasMessageStartingWith(message).hasMessageNotContaining("\n");
    }

    @Test
    void repeatsTrainEveryConfigurationWithTheBaseSeedAndTheNextOnes() {
        Sweep sweep = SweepFile.parse("{\"base\": {\"arch\": \"bnn-small\", \"seed\": 42}, "
                + "\"grid\": {\"clip\": [1.0, 1.3]}, \"repeats\": 3}", "test");

        assertThat(sweep.trainingSeeds()).containsExactly(42L, 43L, 44L);
        assertThat(sweep.repeats()).isEqualTo(3);
        assertThat(sweep.configurations()).isEqualTo(2);
        assertThat(sweep.size()).isEqualTo(6);
    }

    @Test
    void seedsAreListedOrGivenWithAMatchingRepeats() {
        String base = "{\"base\": {\"arch\": \"bnn-small\"}, ";
        assertThat(SweepFile.parse(base + "\"seeds\": [7, 1, 99]}", "t").trainingSeeds()).containsExactly(7L, 1L, 99L);
        assertThat(SweepFile.parse(base + "\"seeds\": [7, 1], \"repeats\": 2}", "t").trainingSeeds())
                .containsExactly(7L, 1L);
        assertThat(SweepFile.parse(base + "\"grid\": {\"clip\": [1.0]}}", "t").trainingSeeds())
                .as("without repeats, the base seed alone").containsExactly(42L);
    }

    @Test
    void anArchOfTheGridCanCarryItsOwnParameters() {
        Sweep sweep = SweepFile.parse("{\"base\": {\"arch\": \"bnn-small\"}, \"grid\": {\"arch\": ["
                + "{\"arch\": \"meliusnet-mini\", \"params\": {\"blocks\": [2, 1]}}, \"resnete-mini\"]}}", "t");

        var points = sweep.points();
        assertThat(points.get(0).settings().arch()).isEqualTo("meliusnet-mini");
        assertThat(points.get(0).settings().params()).containsEntry("blocks", "2,1");
        assertThat(points.get(0).valueTexts()).containsEntry("arch", "meliusnet-mini (blocks=2,1)");
        assertThat(points.get(0).jsonValues()).containsEntry("arch", "meliusnet-mini (blocks=2,1)");
        assertThat(points.get(1).settings().arch()).isEqualTo("resnete-mini");
        assertThat(points.get(1).settings().params()).isEmpty();
    }

    @Test
    void aFullFileReadsIntoBaseGridAndRandom() {
        Sweep sweep = SweepFile.parse("""
                {"name": "clip", "base": {"arch": "bnn-small", "epochs": 1, "batch": 64, "lr": 0.001, "clip": 1.3,
                  "estimator": "approx", "seed": 7, "params": {"growthRate": 16, "blocks": [2, 0]},
                  "fullPrecision": false, "trainLimit": 256, "testLimit": 128, "padValue": -1.0},
                 "grid": {"clip": [1.0, 1.3], "arch": ["bnn-small", "binarydensenet-mini"]},
                 "random": {"samples": 3, "seconds": 60, "seed": 5,
                            "space": {"lr": {"min": 1e-4, "max": 1e-2, "log": true}, "growthRate": [16, 32]}},
                 "parallel": 2}
                """, "ignored");

        assertThat(sweep.name()).isEqualTo("clip");
        RunSettings base = sweep.base();
        assertThat(base.arch()).isEqualTo("bnn-small");
        assertThat(base.params()).containsExactly(java.util.Map.entry("growthRate", "16"),
                java.util.Map.entry("blocks", "2,0"));
        assertThat(base.config().epochs()).isEqualTo(1);
        assertThat(base.config().estimator()).isEqualTo("approx");
        assertThat(base.config().seed()).isEqualTo(7);
        assertThat(base.config().trainLimit()).isEqualTo(256);
        assertThat(base.dataset()).isEqualTo(RunSettings.DEFAULT_DATASET);
        assertThat(sweep.parameters()).extracting(SweepParameter::name)
                .containsExactly("clip", "arch", "lr", "growthRate");
        assertThat(sweep.random().seed()).isEqualTo(5);
        assertThat(sweep.secondsBudget()).isEqualTo(60);
        assertThat(sweep.parallel()).isEqualTo(2);
        assertThat(sweep.size()).isEqualTo(12);
    }

    @Test
    void theNameDefaultsToTheFilesAndASweepWithoutGridIsTheBaseAlone() {
        Sweep sweep = SweepFile.parse("{\"base\": {\"arch\": \"bnn-small\"}}", "clip-study");

        assertThat(sweep.name()).isEqualTo("clip-study");
        assertThat(sweep.points()).singleElement()
                .satisfies(p -> assertThat(p.settings()).isEqualTo(RunSettings.defaults()));
    }
}
