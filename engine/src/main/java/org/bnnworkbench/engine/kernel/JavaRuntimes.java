package org.bnnworkbench.engine.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Java runtime a launcher's child JVM runs on ({@link VectorModule}). The engine is built for Java 17, but the
 * binary kernels are about three times faster on a JDK whose Vector API has a lane-wise bit count (JDK 19 and
 * later, see {@code XnorGemm}). So when the launching JVM is older than that, the child runs on the newest JDK
 * installed next to it (the other directories of java.home's parent, e.g. {@code /usr/lib/jvm}) that is at least
 * {@value #LANE_POPCOUNT_FEATURE} and has the Vector API module. {@code BNN_JAVA_HOME} names the runtime
 * instead (any version from 17 on, e.g. {@code BNN_JAVA_HOME=$JAVA_HOME} to stay on the launching one).
 *
 * <p>A JDK directory is read from its {@code release} file ({@code JAVA_VERSION="25.0.3"},
 * {@code MODULES="... jdk.incubator.vector ..."}), which every JDK since 9 has.
 */
public final class JavaRuntimes {

    /** The first feature release whose Vector API has {@code VectorOperators.BIT_COUNT}. */
    public static final int LANE_POPCOUNT_FEATURE = 19;
    static final String HOME_VARIABLE = "BNN_JAVA_HOME";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** A JDK: its home directory and feature version (17, 21, 25, ...). */
    public record Jdk(Path home, int feature) {
        public Path java() {
            return home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        }
    }

    private JavaRuntimes() {
    }

    /** The runtime for a child of this JVM, as the class comment says. */
    public static Jdk forChild() {
        Jdk current = new Jdk(Path.of(System.getProperty("java.home")), Runtime.version().feature());
        return choose(current, System.getenv(HOME_VARIABLE), siblings(current.home()));
    }

    static Jdk choose(Jdk current, String chosenHome, List<Jdk> installed) {
        if (chosenHome != null && !chosenHome.isBlank()) {
            Optional<Jdk> chosen = read(Path.of(chosenHome));
            if (chosen.isPresent() && chosen.get().feature() >= 17 && Files.isExecutable(chosen.get().java())) {
                return chosen.get();
            }
            System.err.println("note: " + HOME_VARIABLE + "=" + chosenHome + " is not a JDK 17 or later with the "
                    + "Vector API; using " + current.home());
            return current;
        }
        if (current.feature() >= LANE_POPCOUNT_FEATURE) {
            return current;
        }
        return installed.stream()
                .filter(r -> r.feature() >= LANE_POPCOUNT_FEATURE && Files.isExecutable(r.java()))
                .max(Comparator.comparingInt(Jdk::feature).thenComparing(r -> r.home().toString()))
                .orElse(current);
    }

    /** The JDKs in the directory that holds {@code home}, with the Vector API module. */
    static List<Jdk> siblings(Path home) {
        Path parent = home.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(parent)) {
            return dirs.filter(Files::isDirectory).map(JavaRuntimes::read).flatMap(Optional::stream).toList();
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }

    /** The JDK at {@code home} if its release file names a version and the Vector API module. */
    static Optional<Jdk> read(Path home) {
        Path release = home.resolve("release");
        try {
            Map<String, String> values = parse(Files.readString(release, StandardCharsets.UTF_8));
            String version = values.get("JAVA_VERSION");
            String modules = values.getOrDefault("MODULES", "");
            if (version == null || !List.of(modules.split("\\s+")).contains(VECTOR_MODULE)) {
                return Optional.empty();
            }
            return Optional.of(new Jdk(home, feature(version)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** KEY="value" lines of a release file. */
    static Map<String, String> parse(String release) {
        var values = new java.util.HashMap<String, String>();
        for (String line : release.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                String value = line.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(line.substring(0, eq).strip(), value);
            }
        }
        return values;
    }

    /** 17 of "17.0.15", 25 of "25", 8 of "1.8.0_402". */
    static int feature(String version) {
        String[] parts = version.split("[.+_-]");
        int first = Integer.parseInt(parts[0]);
        return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
