package org.bnnworkbench.experiments.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a benchmark number depends on besides the code: the CPU, its vector instructions, and how busy the machine
 * was. Reads {@code /proc} on Linux and falls back to what the JVM knows elsewhere.
 */
public final class MachineInfo {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static final Path LOADAVG = Path.of("/proc/loadavg");
    /** The instruction sets a float GEMM kernel's speed hinges on. */
    private static final List<String> SIMD_FLAGS = List.of("sse4_2", "avx", "avx2", "fma", "avx512f");

    private MachineInfo() {
    }

    /** The CPU's model name, with family and model number when known (they tell Zen 3 from Zen 4). */
    public static String cpu() {
        List<String> lines = cpuinfo();
        String name = field(lines, "model name").orElse(System.getProperty("os.arch"));
        Optional<String> family = field(lines, "cpu family");
        Optional<String> model = field(lines, "model");
        if (family.isPresent() && model.isPresent()) {
            return name + " (family " + family.get() + ", model " + model.get() + ")";
        }
        return name;
    }

    /** Which of the GEMM-relevant vector instruction sets the CPU reports. */
    public static List<String> simd() {
        Set<String> flags = flags();
        return SIMD_FLAGS.stream().filter(flags::contains).toList();
    }

    /** Every feature flag the CPU reports (empty where /proc/cpuinfo is missing). */
    public static Set<String> flags() {
        return field(cpuinfo(), "flags").map(f -> Set.of(f.split("\\s+"))).orElse(Set.of());
    }

    /** "AuthenticAMD", "GenuineIntel", ... or "" when unknown. */
    public static String vendor() {
        return field(cpuinfo(), "vendor_id").orElse("");
    }

    /** The CPU family number, or -1 when unknown. */
    public static int family() {
        try {
            return field(cpuinfo(), "cpu family").map(Integer::parseInt).orElse(-1);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The clock /proc/cpuinfo reports for the first core (in a VM often the nominal one), in GHz. */
    public static Optional<Double> clockGhz() {
        try {
            return field(cpuinfo(), "cpu MHz").map(mhz -> Double.parseDouble(mhz) / 1000);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The 1, 5 and 15 minute load averages, or only the 1 minute one where {@code /proc} is missing. */
    public static List<Double> loadAverage() {
        try {
            String[] parts = Files.readString(LOADAVG).trim().split("\\s+");
            var values = new ArrayList<Double>();
            for (int i = 0; i < 3 && i < parts.length; i++) {
                values.add(Double.parseDouble(parts[i]));
            }
            return List.copyOf(values);
        } catch (IOException | RuntimeException e) {
            double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return one < 0 ? List.of() : List.of(one);
        }
    }

    private static List<String> cpuinfo() {
        try {
            return Files.readAllLines(CPUINFO);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The value of the first {@code key : value} line whose key is exactly {@code key}. */
    private static Optional<String> field(List<String> lines, String key) {
        return lines.stream()
                .map(line -> line.split(":", 2))
                .filter(parts -> parts.length == 2 && parts[0].strip().equals(key))
                .map(parts -> parts[1].strip())
                .findFirst();
    }

    static String format(List<Double> load) {
        return load.isEmpty() ? "unknown" : load.stream()
                .map(v -> String.format(Locale.ROOT, "%.2f", v))
                .collect(Collectors.joining(" "));
    }
}
