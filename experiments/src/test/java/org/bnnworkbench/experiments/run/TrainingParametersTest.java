package org.bnnworkbench.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.bnnworkbench.engine.param.ParameterDeclaration;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.junit.jupiter.api.Test;

class TrainingParametersTest {

    @Test
    void everyConfigFieldIsDeclaredOnceInRecordOrder() {
        assertThat(TrainingParameters.all()).extracting(TrainingParameter::name)
                .containsExactlyElementsOf(TrainingConfig.defaults().asMap().keySet());
        assertThat(TrainingParameters.declarations()).allSatisfy(d -> assertThat(d.description()).isNotBlank());
    }

    @Test
    void theDeclaredDefaultsAreTheConfigDefaults() {
        assertThat(TrainingParameters.toConfig(TrainingParameters.defaults())).isEqualTo(TrainingConfig.defaults());
        assertThat(TrainingParameters.get("lr").defaultValue()).isEqualTo(0.003);
        assertThat(TrainingParameters.get("padValue").option()).isEqualTo("pad");
    }

    @Test
    void aConfigSurvivesTheRoundTripThroughValuesAndThroughARecordMap() {
        TrainingConfig config = new TrainingConfig(3, 64, 1e-4f, "step", "sgd", 0.5f, 1e-5f, "approx", 0.7f, true,
                0f, 1L << 40, 2, true, 300, 100);

        assertThat(TrainingParameters.toConfig(TrainingParameters.values(config))).isEqualTo(config);
        assertThat(TrainingParameters.toConfig(config.asMap())).isEqualTo(config);
        assertThat(TrainingParameters.values(config).asText()).containsEntry("clip", "0.7")
                .containsEntry("seed", Long.toString(1L << 40)).containsEntry("padValue", "0");
    }

    @Test
    void aBadValueSaysWhatWasExpected() {
        assertThatThrownBy(() -> TrainingParameters.get("clip").parse("-1"))
                .hasMessage("expects a positive number, got '-1'");
        assertThatThrownBy(() -> TrainingParameters.get("lr").parse("1e-60")).hasMessageContaining("positive");
        assertThatThrownBy(() -> TrainingParameters.get("trainLimit").parse("1"))
                .hasMessage("expects 0 (all images) or at least 2, got '1'");
        assertThatThrownBy(() -> TrainingParameters.toConfig(Map.of("momentum", 1.0)))
                .hasMessage("momentum expects a number in [0, 1), got '1'");
        assertThatThrownBy(() -> TrainingParameters.toConfig(Map.of("clipp", 1.0)))
                .hasMessageContaining("unknown training parameter 'clipp'");
    }

    @Test
    void switchesAreFlagsAndChoicesListTheirValues() {
        assertThat(TrainingParameters.all()).filteredOn(TrainingParameter::isFlag).extracting(TrainingParameter::name)
                .containsExactly("scaling", "flip");
        assertThat(TrainingParameters.get("estimator").declaration().kind()).isEqualTo(ParameterDeclaration.Kind.CHOICE);
        assertThat(TrainingParameters.get("estimator").declaration().choices()).containsExactly("ste", "approx", "swish");
    }
}
