package org.bnnworkbench.engine.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.bnnworkbench.engine.kernel.ConvGeometry;
import org.junit.jupiter.api.Test;

/** The reference itself on examples small enough to work out by hand. */
class ReferenceByHandTest {

    /** 1 2 3 / 4 5 6 / 7 8 9 as a 1 x 1 x 3 x 3 image. */
    private static Float64Tensor oneToNine() {
        return new Float64Tensor(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new int[] {1, 1, 3, 3});
    }

    private static double[] ones(int n) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, 1);
        return d;
    }

    @Test
    void convolutionSumsEachWindow() {
        Float64Tensor y = ReferenceConv.conv2d(oneToNine(), ones(4), new double[] {0.5},
                new ConvGeometry(1, 1, 2, 1, 0, 1, 1), 0);
        assertThat(y.shape()).containsExactly(1, 1, 2, 2);
        assertThat(y.data()).containsExactly(12.5, 16.5, 24.5, 28.5);
    }

    @Test
    void paddingReadsThePadValue() {
        // the top-left 3x3 window with padding 1 covers 1, 2, 4, 5 and five padded positions
        Float64Tensor y = ReferenceConv.conv2d(oneToNine(), ones(9), null, new ConvGeometry(1, 1, 3, 2, 1, 1, 1), -1);
        assertThat(y.shape()).containsExactly(1, 1, 2, 2);
        assertThat(y.data()[0]).isEqualTo(1 + 2 + 4 + 5 - 5);
        assertThat(y.data()[3]).isEqualTo(5 + 6 + 8 + 9 - 5);
    }

    @Test
    void dilationSkipsPositions() {
        Float64Tensor y = ReferenceConv.conv2d(oneToNine(), ones(4), null, new ConvGeometry(1, 1, 2, 1, 0, 2, 1), 0);
        assertThat(y.data()).containsExactly(1 + 3 + 7 + 9);
    }

    @Test
    void groupsSeeOnlyTheirOwnChannels() {
        Float64Tensor x = new Float64Tensor(new double[] {1, 10}, new int[] {1, 2, 1, 1});
        Float64Tensor y = ReferenceConv.conv2d(x, new double[] {2, 3}, null, new ConvGeometry(2, 2, 1, 1, 0, 1, 2), 0);
        assertThat(y.data()).containsExactly(2, 30);
    }

    @Test
    void scaledBinaryWeightsAreSignTimesMeanMagnitude() {
        Float64Tensor x = new Float64Tensor(new double[] {1, 1}, new int[] {1, 2, 1, 1});
        Float64Tensor y = ReferenceConv.binaryConvSign(x, new double[] {0.5, -0.1}, true,
                new ConvGeometry(2, 1, 1, 1, 0, 1, 1), 0);
        assertThat(y.data()[0]).isCloseTo(0.3 * (1 - 1), within(1e-15));
        Float64Tensor s = ReferenceConv.binaryConvSurrogate(x, new double[] {2.0, -0.5}, 1.3, true,
                new ConvGeometry(2, 1, 1, 1, 0, 1, 1), 0);
        assertThat(s.data()[0]).isCloseTo(1.25 * (1.3 - 0.5), within(1e-15));
    }

    @Test
    void batchNormUsesBiasedBatchVariance() {
        Float64Tensor x = new Float64Tensor(new double[] {1, 3}, new int[] {2, 1});
        Float64Tensor y = ReferenceNorm.batchNormTraining(x, new double[] {1}, new double[] {0}, 0);
        assertThat(y.data()).containsExactly(-1, 1);
    }

    @Test
    void poolsOverTheWindowWithPaddingCountedInTheAverage() {
        assertThat(ReferencePool.maxPool(oneToNine(), 2, 2, 1).data()).containsExactly(1, 3, 7, 9);
        assertThat(ReferencePool.avgPool(oneToNine(), 2, 2, 1).data()).containsExactly(1 / 4.0, 5 / 4.0, 11 / 4.0, 28 / 4.0);
        assertThat(ReferencePool.globalAvgPool(oneToNine()).data()).containsExactly(5);
    }

    @Test
    void channelShuffleInterleavesTheGroups() {
        Float64Tensor x = new Float64Tensor(new double[] {0, 1, 2, 3, 4, 5}, new int[] {1, 6, 1, 1});
        assertThat(ReferenceOps.channelShuffle(x, 2).data()).containsExactly(0, 3, 1, 4, 2, 5);
        assertThat(ReferenceOps.channelShuffle(x, 3).data()).containsExactly(0, 2, 4, 1, 3, 5);
    }

    @Test
    void sliceAddTargetsTheLastChannels() {
        Float64Tensor x = new Float64Tensor(new double[] {1, 2, 3}, new int[] {1, 3, 1, 1});
        Float64Tensor y = new Float64Tensor(new double[] {10, 20}, new int[] {1, 2, 1, 1});
        assertThat(ReferenceOps.sliceAdd(x, y).data()).containsExactly(1, 12, 23);
        assertThat(ReferenceOps.concat(List.of(y, x)).data()).containsExactly(10, 20, 1, 2, 3);
    }

    @Test
    void crossEntropyOfUniformLogitsIsLogOfClassCount() {
        Float64Tensor z = new Float64Tensor(new double[] {7, 7, 7, 7, -2, -2, -2, -2}, new int[] {2, 4});
        assertThat(ReferenceOps.softmaxCrossEntropy(z, new int[] {1, 3})).isCloseTo(Math.log(4), within(1e-15));
    }

    @Test
    void signSurrogatesReachPlusMinusOneAndAreOddFunctions() {
        assertThat(ReferenceSign.approxSign(1.0, 1.3)).isEqualTo(1);
        assertThat(ReferenceSign.approxSign(-0.5, 1.3)).isEqualTo(-0.75);
        assertThat(ReferenceSign.ste(2.0, 1.3)).isEqualTo(1.3);
        assertThat(ReferenceSign.swishSign(0, 5, 1.3)).isZero();
        assertThat(ReferenceSign.swishSign(0.4, 5, 1.3)).isCloseTo(-ReferenceSign.swishSign(-0.4, 5, 1.3), within(1e-15));
        // the SwishSign curve overshoots 1 slightly before settling (BNN+, Fig. 1)
        assertThat(ReferenceSign.swishSign(0.5, 5, 1.3)).isGreaterThan(1);
    }
}
