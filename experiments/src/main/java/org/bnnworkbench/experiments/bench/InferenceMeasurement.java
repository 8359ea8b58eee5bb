package org.bnnworkbench.experiments.bench;

/**
 * One row of {@code bnn bench --inference}: a network run by one engine on a batch of images.
 *
 * @param network a named network ({@code bnn architectures})
 * @param engine {@code packed} (the exported {@code .bnnp} model on the XNOR kernels), {@code fp-twin} (the
 *     full-precision twin in the training engine) or {@code binary-training-engine} (the binary network in the
 *     training engine, evaluation mode)
 * @param seconds median time of one call on the whole batch
 * @param msPerImage seconds / batch in milliseconds; at batch 1 the latency per image
 */
public record InferenceMeasurement(String network, String engine, int batch, double seconds, double imagesPerSecond,
                                   double msPerImage, int repeats, int warmupCalls, String label) {

    static InferenceMeasurement of(String network, String engine, int batch, MedianTimer.Timing t, String label) {
        return new InferenceMeasurement(network, engine, batch, t.seconds(), batch / t.seconds(),
                t.seconds() / batch * 1e3, t.repeats(), t.warmupCalls(), label);
    }
}
