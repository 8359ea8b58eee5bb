package org.bnnworkbench.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimesTest {

    @TempDir
    Path jvms;

    private Path jdk(String dir, String version, boolean vectorModule) throws IOException {
        Path home = jvms.resolve(dir);
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin").resolve("java"), "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n"
                + "MODULES=\"java.base java.desktop" + (vectorModule ? " jdk.incubator.vector" : "") + " jdk.zipfs\"\n");
        return home;
    }

    @Test
    void readsTheFeatureVersionAndTheVectorModuleFromTheReleaseFile() throws IOException {
        assertThat(JavaRuntimes.read(jdk("a", "17.0.15", true))).map(JavaRuntimes.Jdk::feature).contains(17);
        assertThat(JavaRuntimes.read(jdk("b", "25", true))).map(JavaRuntimes.Jdk::feature).contains(25);
        assertThat(JavaRuntimes.read(jdk("c", "21.0.2", false))).isEmpty();
        assertThat(JavaRuntimes.read(jvms.resolve("not-a-jdk"))).isEmpty();
        assertThat(JavaRuntimes.feature("1.8.0_402")).isEqualTo(8);
    }

    @Test
    void aJdk17ParentHandsTheChildToTheNewestJdkWithTheLanePopcount() throws IOException {
        Path current = jdk("java-17-openjdk-amd64", "17.0.15", true);
        jdk("temurin-21-jdk-amd64", "21.0.5", true);
        Path newest = jdk("temurin-25-jdk-amd64", "25.0.3", true);
        jdk("jdk-26-no-vector", "26", false);
        List<JavaRuntimes.Jdk> installed = JavaRuntimes.siblings(current);
        assertThat(installed).extracting(JavaRuntimes.Jdk::feature).containsExactlyInAnyOrder(17, 21, 25);

        JavaRuntimes.Jdk chosen = JavaRuntimes.choose(new JavaRuntimes.Jdk(current, 17), null, installed);

        assertThat(chosen.home()).isEqualTo(newest);
        assertThat(chosen.java()).isEqualTo(newest.resolve("bin").resolve("java"));
    }

    @Test
    void theParentStaysWhenItHasTheLanePopcountOrNothingNewerIsInstalled() throws IOException {
        Path current = jdk("java-17-openjdk-amd64", "17.0.15", true);
        JavaRuntimes.Jdk seventeen = new JavaRuntimes.Jdk(current, 17);
        assertThat(JavaRuntimes.choose(seventeen, null, JavaRuntimes.siblings(current))).isEqualTo(seventeen);

        Path newer = jdk("temurin-25-jdk-amd64", "25.0.3", true);
        JavaRuntimes.Jdk twentyOne = new JavaRuntimes.Jdk(jdk("jdk-21", "21", true), 21);
        assertThat(JavaRuntimes.choose(twentyOne, null, JavaRuntimes.siblings(current))).isEqualTo(twentyOne);
        assertThat(newer).exists();
    }

    @Test
    void bnnJavaHomeWinsAndABadOneFallsBackToTheParent() throws IOException {
        Path current = jdk("java-17-openjdk-amd64", "17.0.15", true);
        jdk("temurin-25-jdk-amd64", "25.0.3", true);
        JavaRuntimes.Jdk seventeen = new JavaRuntimes.Jdk(current, 17);
        List<JavaRuntimes.Jdk> installed = JavaRuntimes.siblings(current);

        assertThat(JavaRuntimes.choose(seventeen, current.toString(), installed).home()).isEqualTo(current);
        assertThat(JavaRuntimes.choose(seventeen, jvms.resolve("missing").toString(), installed)).isEqualTo(seventeen);
    }
}
