package org.bnnworkbench.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Parallel} reads {@code bnn.threads} once, so other thread counts run in child JVMs; the
 * kernels promise identical bits for any thread count (each output value is summed by one thread
 * in a fixed order).
 */
class ThreadCountDeterminismTest {

    private static String fingerprintWithThreads(int threads) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "--add-modules", "jdk.incubator.vector",
                "-Dbnn.threads=" + threads, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                KernelFingerprint.class.getName()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("child JVM output: %s", out).isZero();
        return out;
    }

    @Test
    void kernelsGiveIdenticalBitsForOneTwoAndThreeThreads() throws Exception {
        String here = KernelFingerprint.compute();
        assertThat(fingerprintWithThreads(1)).isEqualTo("1 true " + here);
        assertThat(fingerprintWithThreads(3)).isEqualTo("3 true " + here);
    }

    @Test
    void kernelsGiveIdenticalBitsWhenRepeatedInOneProcess() {
        assertThat(KernelFingerprint.compute()).isEqualTo(KernelFingerprint.compute());
    }
}
