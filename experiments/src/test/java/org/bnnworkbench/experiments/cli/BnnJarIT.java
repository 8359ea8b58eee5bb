package org.bnnworkbench.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** Checks the runnable jar that {@code mvn package} leaves at experiments/target/bnn.jar, as a user runs it. */
class BnnJarIT {

    private static final Path JAR = Path.of(System.getProperty("bnn.jar", "target/bnn.jar"));

    private record Result(int code, String out, String err) {
    }

    private static Result javaJar(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), out, err);
    }

    @Test
    void helpRunsFromTheJar() throws Exception {
        Result result = javaJar("help");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("usage: bnn <command> [options]");
    }

    @Test
    void anUnknownCommandExitsWithTwo() throws Exception {
        Result result = javaJar("x");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("bnn: unknown command 'x' (try 'bnn help')");
    }

    @Test
    void aTrainMistakeIsOneLineAlthoughTrainRestartsWithTheVectorApi() throws Exception {
        Result result = javaJar("train", "--clip", "-1", "--out", "target/never-written");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("bnn train: --clip expects a positive number, got '-1'"
                + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void theJarCarriesNoJavaFx() throws IOException {
        try (var jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(BnnCommand.class.getName());
            assertThat(jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("javafx/") || n.endsWith(".so")))
                    .isEmpty();
        }
    }
}
