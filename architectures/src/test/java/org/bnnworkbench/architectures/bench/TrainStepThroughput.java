package org.bnnworkbench.architectures.bench;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Images per second of full training steps (batch 128 by default) for several networks, and for
 * several builds of the engine side by side in one JVM: each build ("variant") gets its own class
 * loader, and the variants' steps are timed interleaved, round after round, so that load from other
 * processes on a shared machine hits all of them alike. Not a unit test: run it by hand.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -Xmx8g -cp BENCH_CP org.bnnworkbench.architectures.bench.TrainStepThroughput \
 *     [--variant name=classpath]... [--nets a,b,c] [--rounds 5] [--steps 4] [--warmup 6] [--batch 128] [--breakdown]
 * </pre>
 * Besides wall-clock images/s it prints images per CPU-second of the whole JVM (GC and JIT
 * threads included), which a loaded machine disturbs less than wall time.
 * Without {@code --variant} the JVM's own class path is the only variant. A variant's class path
 * must hold engine, architectures, this class's folder and jackson.
 */
public final class TrainStepThroughput {

    private static final String DRIVER = "org.bnnworkbench.architectures.bench.TrainStep";

    private record Variant(String name, Class<?> driver) {
        Runnable create(String net, int batch, boolean timed) throws Exception {
            Method m = driver.getMethod(timed ? "createTimed" : "create", String.class, int.class);
            return (Runnable) m.invoke(null, net, batch);
        }

        @SuppressWarnings("unchecked")
        Map<String, Long> times(Runnable step) throws Exception {
            return (Map<String, Long>) driver.getMethod("times", Runnable.class).invoke(null, step);
        }

        double loss(Runnable step) throws Exception {
            return (double) driver.getMethod("loss", Runnable.class).invoke(null, step);
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> nets = List.of("bnn-small", "fp-small", "binarydensenet-mini", "binarydensenet-mini+twin",
                "meliusnet-mini", "meliusnet-mini+twin", "resnete-mini", "resnete-mini+twin");
        Map<String, String> variantPaths = new LinkedHashMap<>();
        int rounds = 5;
        int steps = 4;
        int warmup = 6;
        int batch = 128;
        boolean breakdown = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--variant" -> {
                    String[] kv = args[++i].split("=", 2);
                    variantPaths.put(kv[0], kv[1]);
                }
                case "--nets" -> nets = Arrays.asList(args[++i].split(","));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--breakdown" -> breakdown = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<Variant> variants = new ArrayList<>();
        if (variantPaths.isEmpty()) {
            variants.add(new Variant("this", Class.forName(DRIVER)));
        }
        for (var e : variantPaths.entrySet()) {
            List<URL> urls = new ArrayList<>();
            for (String p : e.getValue().split(File.pathSeparator)) {
                urls.add(new File(p).toURI().toURL());
            }
            ClassLoader loader = new URLClassLoader(e.getKey(), urls.toArray(new URL[0]),
                    ClassLoader.getPlatformClassLoader());
            variants.add(new Variant(e.getKey(), Class.forName(DRIVER, true, loader)));
        }
        System.out.printf("# batch %d, %d rounds x %d steps after %d warm-up steps, threads %s, load %s%n",
                batch, rounds, steps, warmup, System.getProperty("bnn.threads", "default"), load());
        StringBuilder table = new StringBuilder("network");
        for (Variant v : variants) {
            table.append(" | ").append(v.name()).append(" img/s (median, min-max) [img per CPU-second, median]");
        }
        if (variants.size() > 1) {
            table.append(" | ratio ").append(variants.get(variants.size() - 1).name()).append('/')
                    .append(variants.get(0).name());
        }
        table.append('\n');
        for (String net : nets) {
            Runnable[] step = new Runnable[variants.size()];
            for (int v = 0; v < variants.size(); v++) {
                step[v] = variants.get(v).create(net, batch, false);
                for (int w = 0; w < warmup; w++) {
                    step[v].run();
                }
            }
            double[][] rate = new double[variants.size()][rounds];
            double[][] cpuRate = new double[variants.size()][rounds];
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < variants.size(); k++) {
                    // alternate the order so neither variant always runs first
                    int v = r % 2 == 0 ? k : variants.size() - 1 - k;
                    long cpu = processCpuNanos();
                    long t = System.nanoTime();
                    for (int s = 0; s < steps; s++) {
                        step[v].run();
                    }
                    rate[v][r] = (double) batch * steps / ((System.nanoTime() - t) / 1e9);
                    cpuRate[v][r] = (double) batch * steps / ((processCpuNanos() - cpu) / 1e9);
                }
            }
            table.append(net);
            double first = 0;
            double last = 0;
            for (int v = 0; v < variants.size(); v++) {
                double[] sorted = rate[v].clone();
                Arrays.sort(sorted);
                double median = sorted[sorted.length / 2];
                double[] cpuSorted = cpuRate[v].clone();
                Arrays.sort(cpuSorted);
                table.append(String.format(" | %.1f (%.1f-%.1f) [%.1f per cpu-s]", median, sorted[0],
                        sorted[sorted.length - 1], cpuSorted[cpuSorted.length / 2]));
                if (v == 0) {
                    first = median;
                }
                last = median;
            }
            if (variants.size() > 1) {
                table.append(String.format(" | %.2fx", last / first));
            }
            table.append(String.format("   [loss after run: %s]%n", lossList(variants, step)));
            System.out.print(table);
            table.setLength(0);
            step = null;
            if (breakdown) {
                for (Variant v : variants) {
                    printBreakdown(v, net, batch, warmup, steps * rounds);
                }
            }
            System.gc();
        }
        System.out.printf("# load at end %s%n", load());
    }

    private static String lossList(List<Variant> variants, Runnable[] step) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int v = 0; v < variants.size(); v++) {
            sb.append(v == 0 ? "" : ", ").append(String.format("%.5f", variants.get(v).loss(step[v])));
        }
        return sb.toString();
    }

    private static void printBreakdown(Variant v, String net, int batch, int warmup, int steps) throws Exception {
        Runnable timed = v.create(net, batch, true);
        for (int w = 0; w < warmup; w++) {
            timed.run();
        }
        Map<String, Long> before = v.times(timed);
        long t = System.nanoTime();
        for (int s = 0; s < steps; s++) {
            timed.run();
        }
        double total = (System.nanoTime() - t) / 1e6 / steps;
        Map<String, Long> after = v.times(timed);
        System.out.printf("## %s / %s: %.1f ms per step (%.1f img/s), per layer type:%n", net, v.name(), total,
                batch / total * 1e3);
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e6 / steps))
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> System.out.printf("##   %-34s %8.2f ms %5.1f%%%n", e.getKey(), e.getValue(),
                        100 * e.getValue() / total));
    }

    /** CPU time of the whole JVM: less disturbed than wall time by other processes on a shared machine. */
    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }

    private static String load() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
