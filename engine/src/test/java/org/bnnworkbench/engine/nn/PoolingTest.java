package org.bnnworkbench.engine.nn;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.Stream;
import org.bnnworkbench.engine.reference.Agreement;
import org.bnnworkbench.engine.reference.Float64Tensor;
import org.bnnworkbench.engine.reference.GradientCheck;
import org.bnnworkbench.engine.reference.RandomTensors;
import org.bnnworkbench.engine.reference.ReferencePool;
import org.bnnworkbench.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Max, average and global average pooling. */
class PoolingTest {

    record Window(int kernel, int stride, int padding, int h, int w) {
        @Override
        public String toString() {
            return kernel + "x" + kernel + " stride " + stride + " pad " + padding + " on " + h + "x" + w;
        }
    }

    static Stream<Window> windows() {
        return Stream.of(new Window(2, 2, 0, 6, 7), new Window(3, 2, 1, 7, 7), new Window(3, 1, 1, 5, 4),
                new Window(2, 1, 0, 3, 5), new Window(3, 3, 2, 8, 5), new Window(1, 2, 0, 5, 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void maxPoolForwardMatchesReference(Window win) {
        Tensor x = RandomTensors.gaussian(new Random(31), 2, 3, win.h(), win.w());
        Agreement.assertForward("max pool " + win, new MaxPool2d(win.kernel(), win.stride(), win.padding()).forward(x, false),
                ReferencePool.maxPool(Float64Tensor.of(x), win.kernel(), win.stride(), win.padding()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void maxPoolGradientMatchesFiniteDifferencesAwayFromTies(Window win) {
        Random rng = new Random(32);
        Tensor x = RandomTensors.distinct(rng, 0.01, 2, 2, win.h(), win.w());
        GradientCheck.layer("max pool " + win, new MaxPool2d(win.kernel(), win.stride(), win.padding()), x,
                (xd, p) -> ReferencePool.maxPool(xd, win.kernel(), win.stride(), win.padding()), rng);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void avgPoolForwardMatchesReference(Window win) {
        Tensor x = RandomTensors.gaussian(new Random(33), 2, 3, win.h(), win.w());
        Agreement.assertForward("avg pool " + win, new AvgPool2d(win.kernel(), win.stride(), win.padding()).forward(x, false),
                ReferencePool.avgPool(Float64Tensor.of(x), win.kernel(), win.stride(), win.padding()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void avgPoolGradientMatchesFiniteDifferences(Window win) {
        Random rng = new Random(34);
        Tensor x = RandomTensors.gaussian(rng, 2, 2, win.h(), win.w());
        GradientCheck.layer("avg pool " + win, new AvgPool2d(win.kernel(), win.stride(), win.padding()), x,
                (xd, p) -> ReferencePool.avgPool(xd, win.kernel(), win.stride(), win.padding()), rng);
    }

    @Test
    void globalAvgPoolMatchesReferenceAndFiniteDifferences() {
        Random rng = new Random(35);
        Tensor x = RandomTensors.gaussian(rng, 3, 4, 5, 3);
        Agreement.assertForward("global avg pool", new GlobalAvgPool().forward(x, false),
                ReferencePool.globalAvgPool(Float64Tensor.of(x)));
        GradientCheck.layer("global avg pool", new GlobalAvgPool(), x, (xd, p) -> ReferencePool.globalAvgPool(xd), rng);
    }

    @Test
    void poolingRejectsAnInputSmallerThanItsWindowAtAnyStride() {
        Tensor x = RandomTensors.gaussian(new Random(36), 1, 1, 2, 2);
        assertThatThrownBy(() -> new MaxPool2d(3, 2, 0).forward(x, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AvgPool2d(3, 2, 0).forward(x, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
