package org.bnnworkbench.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.store.RunStore;
import org.bnnworkbench.experiments.store.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of a real sweep, started as a user starts it: {@code java -jar bnn.jar sweep}, which
 * relaunches itself in a child JVM with the Vector API. Killing the parent must end the child too; started again on
 * the same folder, the sweep must keep the finished run as it was and train only the rest.
 */
class SweepKillIT {

    private static final Path JAR = Path.of(System.getProperty("bnn.jar", "target/bnn.jar"));
    /** Three points of about three seconds each: a 32-feature network, 512 images, one epoch. */
    private static final String SWEEP = "{\"name\": \"kill\", \"base\": {\"arch\": \"bnn-small\", \"epochs\": 1, "
            + "\"batch\": 64, \"trainLimit\": 4096, \"testLimit\": 256, \"params\": {\"growthRate\": 32, "
            + "\"initFeatures\": 32}}, \"grid\": {\"clip\": [0.8, 1.0, 1.3]}}";
    private static final long TIMEOUT_MILLIS = 180_000;

    @TempDir
    Path temp;

    private Process sweep(Path file, Path folder, String log) throws IOException {
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "sweep", file.toString(), "--out", folder.toString()));
        // files, not pipes: a killed reader must not block the writer, and the output stays for the failure message
        return new ProcessBuilder(command).redirectOutput(temp.resolve(log + ".out").toFile())
                .redirectError(temp.resolve(log + ".err").toFile()).start();
    }

    private static List<String> journal(Path folder) throws IOException {
        Path file = folder.resolve("journal.jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file);
        // only complete lines count as finished runs
        return text.lines().limit(text.chars().filter(c -> c == '\n').count()).toList();
    }

    private static long countRecords(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (var folders = Files.list(runs)) {
            return folders.filter(f -> Files.exists(f.resolve("run.json"))).count();
        }
    }

    private String output(String log) throws IOException {
        return Files.readString(temp.resolve(log + ".out")) + Files.readString(temp.resolve(log + ".err"));
    }

    @Test
    void aSweepKilledAfterItsFirstRunKillsItsChildAndResumesWithoutRepeatingThatRun() throws Exception {
        Path file = Files.writeString(temp.resolve("kill.json"), SWEEP);
        Path folder = temp.resolve("sweep");
        Process first = sweep(file, folder, "first");

        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (journal(folder).isEmpty()) {
            assertThat(first.isAlive()).as("the sweep ended before its first run did: " + output("first")).isTrue();
            assertThat(System.currentTimeMillis()).as("no run finished in time").isLessThan(deadline);
            Thread.sleep(20);
        }
        // the second point has begun when its record exists; it trains for seconds, so the kill lands mid-training
        Path runs = folder.resolve("runs");
        while (countRecords(runs) < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(new RunStore(runs).list()).as("seen from this JVM, the other process's run is live")
                .anySatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.RUNNING));
        List<ProcessHandle> children = first.toHandle().descendants().toList();
        first.destroyForcibly(); // SIGKILL to the parent JVM only, as kill -9 does
        first.waitFor(30, TimeUnit.SECONDS);

        List<String> atKill = journal(folder);
        assertThat(atKill).as("exactly one run had finished when the sweep was killed").hasSize(1);
        assertThat(children).as("java -jar relaunched itself with the Vector API").isNotEmpty();
        for (ProcessHandle child : children) {
            child.onExit().get(20, TimeUnit.SECONDS);
            assertThat(child.isAlive()).as("the relaunched JVM ends when its parent is killed").isFalse();
        }
        String firstId = atKill.get(0).replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");
        Path firstRecord = folder.resolve("runs").resolve(firstId).resolve("run.json");
        byte[] recordBefore = Files.readAllBytes(firstRecord);
        FileTime modifiedBefore = Files.getLastModifiedTime(firstRecord);
        List<RunSummary> stored = new RunStore(folder.resolve("runs")).list();
        assertThat(stored).filteredOn(r -> r.id().equals(firstId)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.COMPLETED));
        assertThat(stored).filteredOn(r -> !r.id().equals(firstId)).singleElement()
                .satisfies(r -> assertThat(r.status()).as("killed mid-training").isEqualTo(RunStatus.INTERRUPTED));

        Process second = sweep(file, folder, "second");
        assertThat(second.waitFor(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).as("the resumed sweep ends").isTrue();

        assertThat(second.exitValue()).as(output("second")).isZero();
        assertThat(output("second")).contains("3 points, 1 with results already, 2 to run")
                .doesNotContain("[1/3 " + firstId + "] clip=0.8: training");
        List<String> lines = journal(folder);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).as("the first run's line is kept as it was").isEqualTo(atKill.get(0));
        assertThat(lines.stream().map(l -> l.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1")).distinct()).hasSize(3);
        assertThat(Files.readAllBytes(firstRecord)).as("the first run was not trained again").isEqualTo(recordBefore);
        assertThat(Files.getLastModifiedTime(firstRecord)).isEqualTo(modifiedBefore);
        List<String> csv = Files.readAllLines(folder.resolve("results.csv"));
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0)).startsWith("id,clip,seed,status,testTop1");
        assertThat(csv.subList(1, 4)).allSatisfy(row -> assertThat(row).contains(",completed,"));
        assertThat(new RunStore(folder.resolve("runs")).list()).hasSize(3)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.COMPLETED));
    }

    @Test
    void aRepeatedSweepKilledMidwayTrainsOnlyTheMissingSeedsAndSummarisesEachConfiguration() throws Exception {
        String repeated = SWEEP.replace("\"trainLimit\": 4096", "\"trainLimit\": 2048")
                .replace("\"clip\": [0.8, 1.0, 1.3]}}", "\"clip\": [1.0, 1.3]}, \"repeats\": 3}");
        Path file = Files.writeString(temp.resolve("repeats.json"), repeated);
        Path folder = temp.resolve("repeats");
        Process first = sweep(file, folder, "first");

        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (journal(folder).size() < 2) {
            assertThat(first.isAlive()).as("the sweep ended early: " + output("first")).isTrue();
            assertThat(System.currentTimeMillis()).as("two runs did not finish in time").isLessThan(deadline);
            Thread.sleep(20);
        }
        while (countRecords(folder.resolve("runs")) < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        first.destroyForcibly(); // kill -9
        first.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle child : first.toHandle().descendants().toList()) {
            child.onExit().get(20, TimeUnit.SECONDS);
        }
        List<String> atKill = journal(folder);
        assertThat(atKill).as("the kill landed while the third run trained").hasSize(2);

        Process second = sweep(file, folder, "second");
        assertThat(second.waitFor(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).as("the resumed sweep ends").isTrue();

        assertThat(second.exitValue()).as(output("second")).isZero();
        assertThat(output("second")).contains("6 points, 2 with results already, 4 to run")
                .contains("clip=1, seed 43: training").doesNotContain("clip=1, seed 42: training");
        List<String> lines = journal(folder);
        assertThat(lines).hasSize(6);
        assertThat(lines.subList(0, 2)).as("the finished seeds are kept as they were").isEqualTo(atKill);
        List<String> summary = Files.readAllLines(folder.resolve("summary.csv"));
        assertThat(summary).hasSize(3);
        assertThat(summary.get(1)).startsWith("1,3,42 43 44,0,");
        assertThat(summary.get(2)).startsWith("1.3,3,42 43 44,0,");
        assertThat(Files.readAllLines(folder.resolve("comparisons.csv")).get(1)).startsWith("clip=1,clip=1.3,paired,3,");
        assertThat(output("second")).containsAnyOf("no clear best at n = 3", "best: clip=");
    }
}
