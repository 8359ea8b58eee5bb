package org.bnnworkbench.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.bnnworkbench.engine.nn.Conv2d;
import org.bnnworkbench.engine.reference.ReferenceConv;
import org.bnnworkbench.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ConvGeometryTest {

    @Test
    void outSizeIsTheFloorFormulaAndZeroWhenTheDilatedKernelDoesNotFit() {
        for (int in = 1; in <= 12; in++) {
            for (int k = 1; k <= 5; k++) {
                for (int s = 1; s <= 3; s++) {
                    for (int p = 0; p <= 2; p++) {
                        for (int d = 1; d <= 2; d++) {
                            ConvGeometry g = new ConvGeometry(1, 1, k, s, p, d, 1);
                            assertThat(Math.max(0, g.outSize(in))).as("in %d, %s", in, g)
                                    .isEqualTo(ReferenceConv.outSize(in, k, s, p, d));
                        }
                    }
                }
            }
        }
    }

    @Test
    void convolutionRejectsAnInputSmallerThanItsKernelAtAnyStride() {
        Conv2d conv = new Conv2d("c", new ConvGeometry(1, 1, 3, 2, 0, 1, 1), false, true, new Random(1));
        assertThatThrownBy(() -> conv.forward(Tensor.zeros(1, 1, 2, 2), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("smaller than");
    }

    @Test
    void groupsMustDivideBothChannelCounts() {
        assertThatThrownBy(() -> new ConvGeometry(4, 6, 3, 1, 1, 1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ConvGeometry(4, 8, 3, 1, 1, 1, 4).patchSize()).isEqualTo(9);
    }
}
