package org.bnnworkbench.architectures.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.graph.Network;
import org.bnnworkbench.engine.inference.PackedInference;
import org.bnnworkbench.engine.inference.PackedModel;
import org.bnnworkbench.engine.inference.PackedModelExport;
import org.bnnworkbench.engine.inference.PackedModelFormat;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecCompiler;
import org.bnnworkbench.engine.tensor.Tensor;
import org.bnnworkbench.engine.train.TrainingConfig;

/**
 * Images per second of inference for the small networks: the exported packed model ({@link PackedInference})
 * against the full-precision twin in the training engine (evaluation mode) and the binary network in the
 * training engine, at a batch and at batch 1 (latency per image), timed interleaved round by round. Also
 * prints each packed file's size against the cost model. Not a unit test: run it by hand.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ... org.bnnworkbench.architectures.bench.InferenceThroughput \
 *     [--nets bnn-small,binarydensenet-mini] [--rounds 5] [--batch 128] [--seconds 1]
 * </pre>
 */
public final class InferenceThroughput {

    public static void main(String[] args) throws Exception {
        List<String> nets = List.of("bnn-small", "binarydensenet-mini", "meliusnet-mini", "resnete-mini", "birealnet-mini");
        int rounds = 5;
        int batch = 128;
        double seconds = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--nets" -> nets = Arrays.asList(args[++i].split(","));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        TrainingConfig config = TrainingConfig.defaults();
        List<Subject> subjects = new ArrayList<>();
        for (String name : nets) {
            NetworkSpec spec = Architectures.get(name).spec();
            Network binary = SpecCompiler.compile(spec, config.binaryOptions(), new Random(1));
            PackedModel model = PackedModelExport.export(spec, binary, null);
            Path file = Files.createTempFile(name, ".bnnp");
            PackedModelFormat.write(model, file);
            long size = Files.size(file);
            long cost = CostModel.of(spec, CostConvention.BMXNET).modelSizeBytes();
            System.out.printf(Locale.ROOT, "%s: packed file %d bytes, cost model %d bytes (%+.2f%%)%n", name, size, cost,
                    100.0 * (size - cost) / cost);
            PackedInference packed = new PackedInference(PackedModelFormat.read(file));
            Files.delete(file);
            NetworkSpec twinSpec = spec.fullPrecisionTwin();
            Network twin = SpecCompiler.compile(twinSpec, config.binaryOptions(), new Random(1));
            var in = spec.input();
            subjects.add(new Subject(name, packed, binary, twin, images(batch, in.channels(), in.height(), in.width()),
                    images(1, in.channels(), in.height(), in.width())));
        }
        for (int r = 0; r < rounds; r++) {
            System.out.printf(Locale.ROOT, "round %d, load %s%n", r + 1, Files.readString(Path.of("/proc/loadavg")).trim());
            for (Subject s : subjects) {
                double packedBatch = time(() -> s.packed.logits(s.batch), seconds);
                double twinBatch = time(() -> s.twin.forward(s.batch, false), seconds);
                double binaryBatch = time(() -> s.binary.forward(s.batch, false), seconds);
                double packedOne = time(() -> s.packed.logits(s.one), seconds);
                double twinOne = time(() -> s.twin.forward(s.one, false), seconds);
                int n = s.batch.n();
                System.out.printf(Locale.ROOT, "  %-20s batch %d: packed %6.0f img/s, FP twin %6.0f img/s (packed/twin %.2fx),"
                                + " binary in training engine %6.0f img/s | batch 1: packed %.3f ms, FP twin %.3f ms (%.2fx)%n",
                        s.name, n, n / packedBatch, n / twinBatch, twinBatch / packedBatch, n / binaryBatch,
                        packedOne * 1e3, twinOne * 1e3, twinOne / packedOne);
            }
        }
    }

    private record Subject(String name, PackedInference packed, Network binary, Network twin, Tensor batch, Tensor one) {
    }

    private static Tensor images(int n, int c, int h, int w) {
        Random rng = new Random(3);
        Tensor t = Tensor.zeros(n, c, h, w);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) rng.nextGaussian();
        }
        return t;
    }

    private static double time(Runnable body, double seconds) {
        for (int i = 0; i < 2; i++) {
            body.run();
        }
        long t0 = System.nanoTime();
        int reps = 0;
        long elapsed;
        do {
            body.run();
            reps++;
            elapsed = System.nanoTime() - t0;
        } while (elapsed < seconds * 1e9);
        return elapsed / 1e9 / reps;
    }
}
