package org.bnnworkbench.engine.nn;

import org.bnnworkbench.engine.tensor.Tensor;

/**
 * Mean softmax cross-entropy over a batch of logits [N, classes], computed with the max-shift for
 * stability. {@link #gradient} is (softmax - onehot) / N.
 */
public final class SoftmaxCrossEntropy {

    private SoftmaxCrossEntropy() {
    }

    /** Loss, gradient and the top-1 / top-5 hits of one batch. */
    public record Result(double loss, Tensor gradient, int top1, int top5) {
    }

    public static Result compute(Tensor logits, int[] labels) {
        int n = logits.n();
        int k = logits.sampleSize();
        if (labels.length != n) {
            throw new IllegalArgumentException(n + " logits rows but " + labels.length + " labels");
        }
        float[] z = logits.data();
        Tensor grad = Tensor.zeros(n, k);
        float[] g = grad.data();
        double loss = 0;
        int top1 = 0;
        int top5 = 0;
        for (int i = 0; i < n; i++) {
            int base = i * k;
            int label = labels[i];
            if (label < 0 || label >= k) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (k - 1));
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, z[base + j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += Math.exp(z[base + j] - max);
            }
            double logSum = Math.log(sum) + max;
            loss += logSum - z[base + label];
            for (int j = 0; j < k; j++) {
                double p = Math.exp(z[base + j] - logSum);
                g[base + j] = (float) ((p - (j == label ? 1 : 0)) / n);
            }
            int rank = rankOf(z, base, k, label);
            if (rank == 0) {
                top1++;
            }
            if (rank < 5) {
                top5++;
            }
        }
        return new Result(loss / n, grad, top1, top5);
    }

    /** How many classes score strictly higher than the label (ties count for the label). */
    static int rankOf(float[] z, int base, int k, int label) {
        float target = z[base + label];
        int higher = 0;
        for (int j = 0; j < k; j++) {
            if (z[base + j] > target) {
                higher++;
            }
        }
        return higher;
    }
}
