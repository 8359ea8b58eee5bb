package org.bnnworkbench.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.app.designer.model.Templates;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.engine.data.LabelledImages;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.junit.jupiter.api.Test;

class DesignFitTest {

    private static final Path DESIGNS = Path.of("/tmp/designs");

    private static LabelledImages images(int height, int width, int channels, int classes) {
        var names = new java.util.ArrayList<String>();
        for (int i = 0; i < classes; i++) {
            names.add("c" + i);
        }
        return new LabelledImages("x", channels, height, width, names, new byte[height * width * channels * 2],
                new byte[] {0, 1});
    }

    @Test
    void aNamedNetworkWithAChangedParameterTrainsAsThatNetworkWithTheOverrideRebuiltForTheData() {
        Design d = Templates.withFamilyParameter(Templates.fromNamed(Architectures.get("bnn-small")), "growthRate",
                "32");

        DesignFit fit = DesignFit.of(d, "cifar10", images(32, 32, 3, 10), DESIGNS);

        assertThat(fit.fits()).isTrue();
        assertThat(fit.settings().arch()).isEqualTo("bnn-small");
        assertThat(fit.settings().params()).isEqualTo(Map.of("growthRate", "32"));
        assertThat(fit.settings().fullPrecision()).isFalse();
        assertThat(fit.spec().input()).isEqualTo(new InputShape(32, 32, 3));
        assertThat(fit.file()).isNull();
        assertThat(fit.message()).contains("bnn-small {growthRate=32} on cifar10 (32x32x3 images, 10 classes)")
                .contains("rebuilt for the data set's");
        assertThat(fit.twinSpec().precision()).isEqualTo(org.bnnworkbench.engine.spec.Precision.FULL);
    }

    @Test
    void plainBlocksForOtherImagesAreRefusedSayingWhatToChange() {
        Design bound = Templates.fromNamed(Architectures.get("bnn-small"));
        NetworkSpec spec = bound.spec();
        Design plain = new Design(new NetworkSpec("mine", new InputShape(32, 32, 3), spec.precision(), spec.blocks()),
                Map.of(), List.of(), null);

        DesignFit fit = DesignFit.of(plain, "fashion-mnist", images(28, 28, 1, 10), DESIGNS);

        assertThat(fit.fits()).isFalse();
        assertThat(fit.message()).isEqualTo("The design mine does not fit fashion-mnist: it takes 32x32x3 images and"
                + " has 10 classes; the data set has 28x28x1 images and 10 classes. Set the design's input shape to"
                + " 28x28x1 (Designer, nothing selected: input), or choose another data set.");
    }

    @Test
    void plainBlocksThatFitTrainAsANetworkFileNamedByTheirContent() {
        NetworkSpec spec = Templates.fromNamed(Architectures.get("bnn-small")).spec().withName("mine");
        Design plain = new Design(spec, Map.of(), List.of(), null);

        DesignFit fit = DesignFit.of(plain, "fashion-mnist-subset", images(28, 28, 1, 10), DESIGNS);
        DesignFit again = DesignFit.of(plain, "fashion-mnist-subset", images(28, 28, 1, 10), DESIGNS);

        assertThat(fit.fits()).isTrue();
        assertThat(fit.file().getParent()).isEqualTo(DESIGNS);
        assertThat(fit.file().getFileName().toString()).matches("mine-[0-9a-f]{8}\\.json");
        assertThat(fit.settings().arch()).isEqualTo(fit.file().toString());
        assertThat(again.file()).isEqualTo(fit.file());
    }
}
