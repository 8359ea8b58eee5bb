package org.bnnworkbench.architectures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.bnnworkbench.engine.data.DatasetCatalog;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.train.Trainer;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.engine.train.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The small members of each family really learn: two epochs on the embedded Fashion-MNIST subset
 * (10,000 training, 2,000 test images) with the default settings reach at least 75 % top-1, and so
 * does each one's full-precision twin.
 */
class MiniNetworksTrainTest {

    private static DatasetSplit subset;

    @BeforeAll
    static void loadSubset() {
        subset = new DatasetCatalog().resolve("fashion-mnist-subset");
    }

    static Stream<Arguments> minis() {
        return Stream.of("binarydensenet-mini", "meliusnet-mini", "resnete-mini", "birealnet-mini")
                .flatMap(name -> Stream.of(Arguments.of(name, false), Arguments.of(name, true)));
    }

    @ParameterizedTest(name = "{0}, full precision {1}")
    @MethodSource("minis")
    void twoEpochsOnTheSubsetReach75Percent(String name, boolean fullPrecision) {
        NetworkSpec spec = Architectures.build(name, new InputShape(28, 28, 1), 10);
        if (fullPrecision) {
            spec = spec.fullPrecisionTwin();
        }
        TrainingConfig config = TrainingConfig.defaults().withEpochs(2);
        if (name.startsWith("birealnet")) {
            // Bi-Real Net trains with ApproxSign and magnitude-aware (scaled) weights
            config = new TrainingConfig(2, config.batchSize(), config.learningRate(), config.schedule(), config.optimizer(),
                    config.momentum(), config.weightDecay(), "approx", config.clip(), true, config.padValue(),
                    config.seed(), config.cropPadding(), config.flip(), 0, 0);
        }
        TrainingResult result = Trainer.forSpec(spec, subset, config).run();
        System.out.printf(java.util.Locale.ROOT, "%s%s: test top-1 %.4f after 2 epochs, %.0f images/s%n", name,
                fullPrecision ? " (twin)" : "", result.testTop1(), result.imagesPerSecond());
        assertThat(result.status()).isEqualTo(TrainingResult.Status.COMPLETED);
        assertThat(result.testTop1()).as("%s%s test top-1", name, fullPrecision ? " (twin)" : "").isGreaterThanOrEqualTo(0.75);
    }
}
