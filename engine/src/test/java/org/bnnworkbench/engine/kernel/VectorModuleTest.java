package org.bnnworkbench.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorModuleTest {

    private static String copied(String childStderr) {
        var bytes = new ByteArrayOutputStream();
        VectorModule.copyWithoutIncubatorWarning(
                new ByteArrayInputStream(childStderr.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theChildsIncubatorWarningIsDroppedAndTheRestPassesUnchanged() {
        assertThat(copied("WARNING: Using incubator modules: jdk.incubator.vector\nbnn train: --clip is bad\n"))
                .isEqualTo("bnn train: --clip is bad\n");
        assertThat(copied("WARNING: Using incubator modules: jdk.incubator.vector\r\nepoch 1\repoch 2\r"))
                .isEqualTo("epoch 1\repoch 2\r");
    }

    @Test
    void anyOtherFirstLineIsKept() {
        assertThat(copied("WARNING: something else\nsecond\n")).isEqualTo("WARNING: something else\nsecond\n");
        assertThat(copied("WARN")).isEqualTo("WARN");
        assertThat(copied("")).isEmpty();
        assertThat(copied("WARNING: Using incubator modules: jdk.incubator.vector, more\n"))
                .isEqualTo("WARNING: Using incubator modules: jdk.incubator.vector, more\n");
    }

    @Test
    void theChildGetsTheVectorApiAndTheTrapLimitBeforeTheParentsOptions() {
        assertThat(VectorModule.childOptions(List.of("-Xmx1g"), 17))
                .containsExactly("--add-modules", "jdk.incubator.vector", VectorModule.TRAP_LIMIT, "-Xmx1g");
    }

    @Test
    void aTrapLimitTheUserGaveIsKept() {
        assertThat(VectorModule.childOptions(List.of("-XX:PerMethodTrapLimit=50"), 17))
                .containsExactly("--add-modules", "jdk.incubator.vector", "-XX:PerMethodTrapLimit=50");
    }

    @Test
    void aChildOnJdk22OrLaterMayLoadJavaFxsNativeLibrariesWithoutAWarning() {
        assertThat(VectorModule.childOptions(List.of("-Xmx1g"), 25)).containsExactly("--add-modules",
                "jdk.incubator.vector", VectorModule.TRAP_LIMIT, "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-Xmx1g");
        assertThat(VectorModule.childOptions(List.of(), 22)).containsExactly("--add-modules",
                "jdk.incubator.vector", VectorModule.TRAP_LIMIT, "--enable-native-access=ALL-UNNAMED");
        assertThat(VectorModule.childOptions(List.of("--enable-native-access=javafx.graphics"), 25))
                .doesNotContain("--enable-native-access=ALL-UNNAMED");
    }
}
