package org.bnnworkbench.experiments.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
 * {@code bnn bench --inference}: images per second of the small named networks, exported to the packed format and
 * run by {@link PackedInference} (XNOR kernels, BatchNorm + sign as thresholds, no float weights of the binary
 * layers), against the full-precision twin and the binary network in the training engine (evaluation mode), at
 * batch {@value #BATCH} and at batch 1 (the latency per image). The packed model goes through its file format
 * (written and read back in memory), as a user's exported file would.
 *
 * <p>The weights are the initial ones, not trained: neither engine's time depends on the weight values.
 */
public final class InferenceCases {

    public static final List<String> NETWORKS =
            List.of("bnn-small", "binarydensenet-mini", "meliusnet-mini", "resnete-mini", "birealnet-mini");
    public static final int BATCH = 128;
    public static final String PACKED = "packed";
    public static final String FP_TWIN = "fp-twin";
    public static final String BINARY_TRAINING_ENGINE = "binary-training-engine";

    private static final long SEED = 20_240_603L;

    private InferenceCases() {
    }

    /** Times every network in {@code networks} with {@code timer}; progress goes to {@code log}. */
    public static List<InferenceMeasurement> measure(List<String> networks, MedianTimer timer, PrintStream log) {
        var rows = new ArrayList<InferenceMeasurement>();
        TrainingConfig config = TrainingConfig.defaults();
        for (String name : networks) {
            NetworkSpec spec = Architectures.get(name).spec();
            Network binary = SpecCompiler.compile(spec, config.binaryOptions(), new Random(SEED));
            Network twin = SpecCompiler.compile(spec.fullPrecisionTwin(), config.binaryOptions(), new Random(SEED));
            byte[] file = packedFile(spec, binary);
            PackedInference packed = new PackedInference(read(file));
            long costBytes = CostModel.of(spec, CostConvention.BMXNET).modelSizeBytes();
            String size = String.format(Locale.ROOT, "file %d bytes, cost model %d", file.length, costBytes);
            for (int batch : List.of(BATCH, 1)) {
                Tensor images = images(spec, batch);
                log.println("bnn bench: " + name + " batch " + batch);
                System.gc();
                rows.add(InferenceMeasurement.of(name, PACKED, batch, timer.time(() -> packed.logits(images)), size));
                rows.add(InferenceMeasurement.of(name, FP_TWIN, batch, timer.time(() -> twin.forward(images, false)),
                        "training engine, evaluation mode"));
                if (batch == BATCH) {
                    rows.add(InferenceMeasurement.of(name, BINARY_TRAINING_ENGINE, batch,
                            timer.time(() -> binary.forward(images, false)), "training engine, evaluation mode"));
                }
            }
        }
        return List.copyOf(rows);
    }

    private static byte[] packedFile(NetworkSpec spec, Network binary) {
        var bytes = new ByteArrayOutputStream();
        try {
            PackedModelFormat.write(PackedModelExport.export(spec, binary, null), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static PackedModel read(byte[] file) {
        try {
            return PackedModelFormat.read(new ByteArrayInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Tensor images(NetworkSpec spec, int n) {
        var in = spec.input();
        Random random = new Random(SEED);
        Tensor t = Tensor.zeros(n, in.channels(), in.height(), in.width());
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) random.nextGaussian();
        }
        return t;
    }
}
