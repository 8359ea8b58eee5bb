package org.bnnworkbench.experiments.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The ceiling issue #7 measures the binary GEMM against: POPCNT throughput x 64 bits x clock x cores binary
 * multiply-adds per second, i.e. twice that in effective FLOP/s. It counts nothing but the popcounts (no loads, no
 * XOR, no sums), so no kernel reaches it; it says how much room is left in principle.
 *
 * <p>Assumed POPCNT throughput (uops.info, reciprocal throughput of {@code POPCNT r64, r64}): 4 per cycle on AMD
 * Zen (family 23 and later: four integer ALUs), 1 per cycle elsewhere (Intel runs it on one port). The clock is
 * the one /proc/cpuinfo reports, which in a virtual machine is often the nominal clock, not the boost clock.
 * With AVX-512 VPOPCNTDQ the CPU could count 512 bits per instruction, but JDK 17's Vector API has no lane-wise
 * bit count, so the engine cannot use it; {@link #vectorGflops()} states that ceiling too, assuming one 512-bit
 * VPOPCNTQ per cycle.
 *
 * @param clockGhz the clock assumed, GHz
 * @param cores the cores the kernels run on (the engine's threads)
 * @param popcntPerCycle scalar POPCNT instructions per cycle and core
 * @param vectorPopcount whether the CPU has AVX-512 VPOPCNTDQ
 */
public record PopcountLimit(double clockGhz, int cores, int popcntPerCycle, boolean vectorPopcount) {

    static final int ZEN_POPCNT_PER_CYCLE = 4;
    static final int FIRST_ZEN_FAMILY = 23;
    /** Used when /proc/cpuinfo gives no clock. */
    static final double DEFAULT_GHZ = 3.0;

    /** The limit of this machine with {@code threads} threads. */
    public static PopcountLimit of(int threads) {
        boolean zen = MachineInfo.vendor().equals("AuthenticAMD") && MachineInfo.family() >= FIRST_ZEN_FAMILY;
        return new PopcountLimit(MachineInfo.clockGhz().orElse(DEFAULT_GHZ), threads,
                zen ? ZEN_POPCNT_PER_CYCLE : 1, MachineInfo.flags().contains("avx512_vpopcntdq"));
    }

    /** Effective GFLOP/s (2 per binary multiply-add) if every cycle of every core ran only POPCNTs. */
    public double gflops() {
        return 2.0 * popcntPerCycle * 64 * clockGhz * cores;
    }

    /** The same with one 512-bit VPOPCNTQ per cycle instead, which JDK 17 cannot emit. */
    public double vectorGflops() {
        return 2.0 * 512 * clockGhz * cores;
    }

    public String assumption() {
        return String.format(Locale.ROOT, "%d POPCNT/cycle x 64 bits x %.2f GHz x %d cores x 2 flops per binary MAC",
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
        if (vectorPopcount) {
            node.put("vectorEffectiveGflops", vectorGflops());
            node.put("vectorAssumption", "one 512-bit VPOPCNTQ per cycle; not usable from JDK 17 (no lane-wise bit "
                    + "count in its Vector API)");
        }
        return node;
    }
}
