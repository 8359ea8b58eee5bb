package org.bnnworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Checks the runnable jar that {@code mvn package} leaves at app/target/bnn-workbench.jar. */
class WorkbenchJarIT {

    private static final Path JAR = Path.of(System.getProperty("bnn.workbench.jar", "target/bnn-workbench.jar"));

    @Test
    void theJarStartsAtTheLauncherAndCarriesJavaFxForLinux() throws IOException {
        try (var jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(Launcher.class.getName());
            Set<String> entries = jar.stream().map(e -> e.getName()).collect(Collectors.toSet());
            assertThat(entries).contains(
                    "javafx/application/Application.class",
                    "libglass.so", "libglassgtk3.so", "libprism_sw.so", "libjavafx_font.so",
                    "org/controlsfx/control/StatusBar.class",
                    "org/jfree/chart/JFreeChart.class", "org/jfree/chart/fx/ChartViewer.class",
                    "org/bnnworkbench/app/BnnWorkbenchApp.class",
                    "org/bnnworkbench/experiments/cli/BnnCommand.class");
            assertThat(entries).noneMatch(name -> name.startsWith("org/testfx/") || name.startsWith("com/tngtech/"));
        }
    }

    @Test
    void withoutADisplayTheJarGetsAsFarAsOpeningTheWindow() throws Exception {
        // The jar is run as a user would; with no display JavaFX itself must be what stops it. The classic
        // failure of single-jar JavaFX apps, "JavaFX runtime components are missing", happens before that.
        var builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().close();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ended).as("the app should stop without a display").isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).doesNotContain("JavaFX runtime components are missing");
        assertThat(output).as("JavaFX itself ran and failed").containsPattern("com\\.sun\\.(javafx|glass|prism)\\.");
    }
}
