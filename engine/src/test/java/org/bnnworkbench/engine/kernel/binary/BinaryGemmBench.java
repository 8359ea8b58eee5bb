package org.bnnworkbench.engine.kernel.binary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.bnnworkbench.engine.kernel.Gemm;
import org.bnnworkbench.engine.kernel.Parallel;

/**
 * Binary GEMM against the float GEMM and numpy/OpenBLAS sgemm on the same shapes, interleaved round by
 * round in one run (a shared machine's load hits all three alike). effective GFLOP/s = 2 M K N / s, K the
 * logical binary depth (bits) for the binary GEMM. Not a unit test: run it by hand.
 *
 * <pre>
 * mvn -q -o test-compile -pl engine
 * java --add-modules jdk.incubator.vector -cp engine/target/classes:engine/target/test-classes \
 *     org.bnnworkbench.engine.kernel.binary.BinaryGemmBench [--rounds 5] [--seconds 0.4] [--no-numpy]
 * </pre>
 * numpy runs in a python3 child with OPENBLAS_NUM_THREADS set to this JVM's thread count. With one
 * thread ({@code -Dbnn.threads=1}) both sides are timed by the CPU time of the thread that computes
 * (ThreadMXBean; Python's {@code time.thread_time}, OpenBLAS computing in the calling thread), which time
 * slices lost to other processes do not inflate; with more threads, by the wall clock. The popcount
 * limit printed is POPCNT throughput (4 per cycle on Zen 3/4) x 64 bits x clock x cores, for the clock
 * given by {@code --ghz} (default: /proc/cpuinfo, which in a VM is often the nominal clock, not the boost).
 */
public final class BinaryGemmBench {

    private static final int[][] SHAPES = {{64, 576, 3136}, {128, 1152, 784}, {256, 2304, 196}};

    private static final String NUMPY = String.join("\n",
            "import sys, time, numpy as np",
            "rng = np.random.default_rng(1)",
            "cpu = sys.argv[1] == 'cpu'",
            "for line in sys.stdin:",
            "    m, k, n, secs = line.split(); m, k, n, secs = int(m), int(k), int(n), float(secs)",
            "    a = rng.standard_normal((m, k), dtype=np.float32); b = rng.standard_normal((k, n), dtype=np.float32)",
            "    c = a @ b; c = a @ b",
            "    clock = time.thread_time if cpu else time.perf_counter",
            "    reps = 0; t0 = clock(); w0 = time.perf_counter()",
            "    while True:",
            "        c = a @ b; reps += 1",
            "        t = clock() - t0",
            "        if time.perf_counter() - w0 >= 20 * secs: break",
            "        if t >= secs: break",
            "    print(t / reps, flush=True)",
            "");

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        double seconds = 0.4;
        boolean numpy = true;
        double ghz = cpuinfoGhz();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--no-numpy" -> numpy = false;
                case "--ghz" -> ghz = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int threads = Parallel.threads();
        double limit = 4.0 * 64 * ghz * threads * 2; // effective GFLOP/s: 2 ops per binary MAC
        CPU_TIME = threads == 1;
        System.out.printf(Locale.ROOT, "timed by %s; ", CPU_TIME ? "thread CPU time" : "wall clock");
        System.out.printf(Locale.ROOT, "threads %d, vector API %s, clock %.2f GHz -> popcount limit %.0f effective"
                + " GFLOP/s (4 POPCNT/cycle x 64 x clock x cores x 2)%n", threads, Gemm.vectorized(), ghz, limit);
        Process py = null;
        PrintWriter toPy = null;
        BufferedReader fromPy = null;
        if (numpy) {
            Path script = Files.createTempFile("sgemm", ".py");
            Files.writeString(script, NUMPY);
            ProcessBuilder pb = new ProcessBuilder("python3", script.toString(), threads == 1 ? "cpu" : "wall").redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
            py = pb.start();
            toPy = new PrintWriter(py.getOutputStream(), true, StandardCharsets.UTF_8);
            fromPy = new BufferedReader(new InputStreamReader(py.getInputStream(), StandardCharsets.UTF_8));
        }
        Case[] cases = new Case[SHAPES.length];
        for (int s = 0; s < SHAPES.length; s++) {
            cases[s] = new Case(SHAPES[s][0], SHAPES[s][1], SHAPES[s][2], new Random(s));
        }
        double[][] best = new double[cases.length][3];
        double[][][] ratios = new double[cases.length][2][rounds];
        for (double[] b : best) {
            java.util.Arrays.fill(b, Double.MAX_VALUE);
        }
        for (int r = 0; r < rounds; r++) {
            System.out.printf(Locale.ROOT, "round %d, load %s%n", r + 1, load());
            for (int ci = 0; ci < cases.length; ci++) {
                Case c = cases[ci];
                double bin = time(c::binary, seconds);
                double flt = time(c::floating, seconds);
                double np = Double.NaN;
                if (numpy) {
                    toPy.println(c.m + " " + c.k + " " + c.n + " " + seconds);
                    np = Double.parseDouble(fromPy.readLine().trim());
                }
                double ops = 2.0 * c.m * c.k * c.n;
                best[ci][0] = Math.min(best[ci][0], bin);
                best[ci][1] = Math.min(best[ci][1], flt);
                best[ci][2] = Math.min(best[ci][2], np);
                ratios[ci][0][r] = np / bin;
                ratios[ci][1][r] = flt / bin;
                System.out.printf(Locale.ROOT, "  (M,K,N)=(%d,%d,%d)  binary %7.1f  float %6.1f  numpy %6.1f  effective"
                                + " GFLOP/s | binary/numpy %.2fx  binary/float %.2fx  float/numpy %.2f  binary at %.0f%%"
                                + " of the popcount limit%n", c.m, c.k, c.n, ops / bin / 1e9, ops / flt / 1e9,
                        ops / np / 1e9, np / bin, flt / bin, np / flt, 100 * ops / bin / 1e9 / limit);
            }
        }
        System.out.println("summary (best round of each kernel; median of the per-round ratios):");
        for (int ci = 0; ci < cases.length; ci++) {
            Case c = cases[ci];
            double ops = 2.0 * c.m * c.k * c.n;
            System.out.printf(Locale.ROOT, "  (M,K,N)=(%d,%d,%d)  best binary %.1f  float %.1f  numpy %.1f effective GFLOP/s;"
                            + " best/best binary/numpy %.2fx binary/float %.2fx; median ratio binary/numpy %.2fx"
                            + " binary/float %.2fx; best binary at %.1f%% of the popcount limit%n", c.m, c.k, c.n,
                    ops / best[ci][0] / 1e9, ops / best[ci][1] / 1e9, ops / best[ci][2] / 1e9,
                    best[ci][2] / best[ci][0], best[ci][1] / best[ci][0], median(ratios[ci][0]), median(ratios[ci][1]),
                    100 * ops / best[ci][0] / 1e9 / limit);
        }
        if (py != null) {
            toPy.close();
            py.waitFor();
        }
    }

    private static final class Case {
        final int m;
        final int k;
        final int n;
        final int kw;
        final long[] w;
        final long[] a;
        final float[] c;
        final float[] fa;
        final float[] fb;
        final float[] fc;

        Case(int m, int k, int n, Random rng) {
            this.m = m;
            this.k = k;
            this.n = n;
            this.kw = BitPack.words(k);
            this.w = new long[m * kw];
            this.a = new long[n * kw];
            for (int i = 0; i < w.length; i++) {
                w[i] = rng.nextLong();
            }
            for (int i = 0; i < a.length; i++) {
                a[i] = rng.nextLong();
            }
            this.c = new float[m * n];
            this.fa = new float[m * k];
            this.fb = new float[k * n];
            this.fc = new float[m * n];
            for (int i = 0; i < fa.length; i++) {
                fa[i] = rng.nextBoolean() ? 1f : -1f;
            }
            for (int i = 0; i < fb.length; i++) {
                fb[i] = rng.nextBoolean() ? 1f : -1f;
            }
        }

        void binary() {
            XnorGemm.multiply(w, m, kw, k, a, n, c);
        }

        void floating() {
            Gemm.sgemm(false, false, m, n, k, fa, fb, 0f, fc);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static boolean CPU_TIME;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private static long now() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Seconds per call: warm up, then as many calls as fit in {@code seconds}. */
    static double time(Runnable body, double seconds) {
        for (int i = 0; i < 3; i++) {
            body.run();
        }
        long t0 = now();
        int reps = 0;
        long elapsed;
        do {
            body.run();
            reps++;
            elapsed = now() - t0;
        } while (elapsed < seconds * 1e9);
        return elapsed / 1e9 / reps;
    }

    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static double cpuinfoGhz() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("cpu MHz")) {
                    return Double.parseDouble(line.substring(line.indexOf(':') + 1).trim()) / 1000;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return 3.0;
    }
}
