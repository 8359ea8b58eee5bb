package org.bnnworkbench.experiments.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NumpyBaselineTest {

    private static boolean numpyPresent() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void numpyTimesEveryShapeWithTheThreadCountItWasGiven() {
        assumeTrue(numpyPresent(), "python3 with numpy is not installed");
        var shapes = List.of(new GemmShape(8, 16, 24), new GemmShape(32, 32, 32));

        NumpyBaseline.Result result = new NumpyBaseline("python3", 1).measure(shapes, true, 2, 0.5);

        assertThat(result.available()).as(result.reason()).isTrue();
        assertThat(result.results()).extracting(Measurement::shape).containsExactlyElementsOf(shapes);
        assertThat(result.results()).allSatisfy(r -> {
            assertThat(r.kernel()).isEqualTo(Kernels.NUMPY_SGEMM);
            assertThat(r.seconds()).isPositive();
            assertThat(r.effectiveGflops()).isPositive();
            assertThat(r.repeats()).isEqualTo(2);
        });
        assertThat(result.environment().path("version").asText()).isNotEmpty();
        assertThat(result.environment().path("threadVariables").path("OPENBLAS_NUM_THREADS").asText()).isEqualTo("1");
        if (result.environment().has("openblasThreads")) {
            assertThat(result.environment().path("openblasThreads").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aMissingInterpreterMeansNoBaselineAndSaysSo() {
        var baseline = new NumpyBaseline("/nonexistent/python3", 2);

        NumpyBaseline.Result result = baseline.measure(List.of(new GemmShape(4, 4, 4)), true, 1, 0.5);

        assertThat(result.available()).isFalse();
        assertThat(result.results()).isEmpty();
        assertThat(result.reason()).startsWith("numpy not found: no baseline");
    }
}
