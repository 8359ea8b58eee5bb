package org.bnnworkbench.experiments.cli;

import java.io.PrintStream;
import java.util.List;
import org.bnnworkbench.engine.kernel.Gemm;
import org.bnnworkbench.experiments.bench.BenchReport;
import org.bnnworkbench.experiments.bench.Benchmark;

/**
 * {@code bnn bench [--json] [--quick] [--repeat N] [--inference]}: times the engine's float and binary
 * (XNOR-popcount) kernels on the ResNet-18 layer shapes against numpy/OpenBLAS in the same run; with
 * {@code --inference}, the packed models of the small networks against their full-precision twins instead (see
 * {@code docs/performance.md}).
 */
final class BenchCommand implements Subcommand {

    /** How long the timed calls of one case should take together when {@code --repeat} is not given. */
    private static final double TARGET_SECONDS = 0.5;

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "time the float and binary GEMM and conv kernels against numpy/OpenBLAS [--json] [--quick] [--repeat N] [--inference]";
    }

    /** Like {@code train}: the numbers are meant for the Vector API kernels; {@code -Dbnn.scalar=true} times the others. */
    @Override
    public boolean computeHeavy() {
        return true;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options options = new Options("bnn bench").flag("json").flag("quick").flag("inference").value("repeat").parse(args);
        if (!options.positional().isEmpty()) {
            throw new UsageException("bnn bench: takes no arguments, got '" + options.positional().get(0) + "'");
        }
        int repeat = options.positiveInt("repeat", 0);
        if (!Gemm.vectorized()) {
            err.println("bnn bench: warning: vectorized: false (-Dbnn.scalar=true, or this JVM lacks the Vector "
                    + "module jdk.incubator.vector), so float-gemm and binary-gemm run on the plain-Java kernels");
        }
        var settings = new Benchmark.Settings(options.isSet("quick"), repeat, TARGET_SECONDS, "python3",
                options.isSet("inference"));
        BenchReport report = new Benchmark(Version.current(), err).run(settings);
        if (options.isSet("json")) {
            out.println(report.toJson());
        } else {
            report.printTable(out);
        }
        return ExitCode.OK;
    }
}
