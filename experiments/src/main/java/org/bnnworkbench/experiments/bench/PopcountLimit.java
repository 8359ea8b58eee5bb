package org.bnnworkbench.experiments.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.bnnworkbench.engine.kernel.binary.XnorGemm;

/**
 * The ceiling issue #7 measures the binary GEMM against: popcount throughput x bits per popcount x clock x cores
 * binary multiply-adds per second, i.e. twice that in effective FLOP/s. It counts nothing but the popcounts (no
 * loads, no XOR, no sums), so no kernel reaches it; it says how much room is left in principle.
 *
 * <p>Which popcount counts depends on the kernel in use ({@code XnorGemm.kernel()}). The lane-popcount kernel
 * counts 512 bits per AVX-512 VPOPCNTQ; assumed one per cycle (a 512-bit operation on Zen 4 takes two of its
 * 256-bit halves). The other kernels end in scalar POPCNTs, assumed (uops.info, reciprocal throughput of
 * {@code POPCNT r64, r64}) 4 per cycle on AMD Zen (family 23 and later: four integer ALUs) and 1 per cycle
 * elsewhere (Intel runs it on one port). The clock is the one /proc/cpuinfo reports, which in a virtual machine
 * is often the nominal clock, not the boost clock.
 *
 * @param clockGhz the clock assumed, GHz
 * @param cores the cores the kernels run on (the engine's threads)
 * @param popcntPerCycle scalar POPCNT instructions per cycle and core
 * @param vectorPopcount whether the CPU has AVX-512 VPOPCNTDQ
 * @param lanePopcount whether the binary kernel in use counts with VPOPCNTQ (the lane-popcount kernel)
 */
public record PopcountLimit(double clockGhz, int cores, int popcntPerCycle, boolean vectorPopcount,
                            boolean lanePopcount) {

    static final int ZEN_POPCNT_PER_CYCLE = 4;
    static final int FIRST_ZEN_FAMILY = 23;
    /** Used when /proc/cpuinfo gives no clock. */
    static final double DEFAULT_GHZ = 3.0;

    /** The limit of this machine with {@code threads} threads, for the binary kernel this JVM runs. */
    public static PopcountLimit of(int threads) {
        boolean zen = MachineInfo.vendor().equals("AuthenticAMD") && MachineInfo.family() >= FIRST_ZEN_FAMILY;
        boolean vpopcnt = MachineInfo.flags().contains("avx512_vpopcntdq");
        return new PopcountLimit(MachineInfo.clockGhz().orElse(DEFAULT_GHZ), threads,
                zen ? ZEN_POPCNT_PER_CYCLE : 1, vpopcnt,
                vpopcnt && XnorGemm.kernel() == XnorGemm.Kernel.LANE_POPCOUNT);
    }

    /** Effective GFLOP/s (2 per binary multiply-add) if every cycle ran only the kernel's popcounts. */
    public double gflops() {
        return lanePopcount ? vectorGflops() : scalarGflops();
    }

    /** With {@code popcntPerCycle} scalar POPCNTs per cycle. */
    public double scalarGflops() {
        return 2.0 * popcntPerCycle * 64 * clockGhz * cores;
    }

    /** With one 512-bit VPOPCNTQ per cycle. */
    public double vectorGflops() {
        return 2.0 * 512 * clockGhz * cores;
    }

    public String assumption() {
        return lanePopcount
                ? String.format(Locale.ROOT, "1 VPOPCNTQ/cycle x 512 bits x %.2f GHz x %d cores x 2 flops per binary "
                        + "MAC", clockGhz, cores)
                : String.format(Locale.ROOT, "%d POPCNT/cycle x 64 bits x %.2f GHz x %d cores x 2 flops per binary MAC",
                        popcntPerCycle, clockGhz, cores);
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.put("effectiveGflops", gflops());
        node.put("assumption", assumption());
        node.put("clockGhz", clockGhz);
        node.put("cores", cores);
        node.put("popcntPerCycle", popcntPerCycle);
        node.put("avx512Vpopcntdq", vectorPopcount);
        node.put("lanePopcountKernel", lanePopcount);
        node.put("scalarEffectiveGflops", scalarGflops());
        if (vectorPopcount) {
            node.put("vectorEffectiveGflops", vectorGflops());
        }
        return node;
    }
}
