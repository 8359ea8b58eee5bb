package org.bnnworkbench.engine.reference;

import java.util.List;

/** Naive float64 element-wise, dense and channel-rearranging operations. */
public final class ReferenceOps {

    private ReferenceOps() {
    }

    public static Float64Tensor relu(Float64Tensor x) {
        double[] y = new double[x.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.max(0, x.data()[i]);
        }
        return x.with(y);
    }

    /** y[n, o] = b[o] + sum_i w[o, i] x[n, i], the input flattened per sample; w is [out, in]. */
    public static Float64Tensor dense(Float64Tensor x, double[] w, double[] b) {
        int in = x.sampleSize();
        int out = b.length;
        Float64Tensor y = Float64Tensor.zeros(x.n(), out);
        for (int n = 0; n < x.n(); n++) {
            for (int o = 0; o < out; o++) {
                double sum = b[o];
                for (int i = 0; i < in; i++) {
                    sum += w[o * in + i] * x.data()[n * in + i];
                }
                y.data()[n * out + o] = sum;
            }
        }
        return y;
    }

    /** Output channel j * groups + g is input channel g * (C / groups) + j (ShuffleNet). */
    public static Float64Tensor channelShuffle(Float64Tensor x, int groups) {
        int perGroup = x.c() / groups;
        Float64Tensor y = Float64Tensor.zeros(x.shape());
        for (int n = 0; n < x.n(); n++) {
            for (int g = 0; g < groups; g++) {
                for (int j = 0; j < perGroup; j++) {
                    for (int yy = 0; yy < x.h(); yy++) {
                        for (int xx = 0; xx < x.w(); xx++) {
                            y.data()[y.index(n, j * groups + g, yy, xx)] = x.at(n, g * perGroup + j, yy, xx);
                        }
                    }
                }
            }
        }
        return y;
    }

    /** Channels of the inputs one after the other. */
    public static Float64Tensor concat(List<Float64Tensor> inputs) {
        Float64Tensor first = inputs.get(0);
        int total = inputs.stream().mapToInt(Float64Tensor::c).sum();
        Float64Tensor y = Float64Tensor.zeros(first.n(), total, first.h(), first.w());
        for (int n = 0; n < first.n(); n++) {
            int offset = 0;
            for (Float64Tensor t : inputs) {
                for (int c = 0; c < t.c(); c++) {
                    for (int yy = 0; yy < t.h(); yy++) {
                        for (int xx = 0; xx < t.w(); xx++) {
                            y.data()[y.index(n, offset + c, yy, xx)] = t.at(n, c, yy, xx);
                        }
                    }
                }
                offset += t.c();
            }
        }
        return y;
    }

    /** x with y (g channels) added to its last g channels (MeliusNet's improvement block). */
    public static Float64Tensor sliceAdd(Float64Tensor x, Float64Tensor y) {
        double[] out = x.data().clone();
        int first = x.c() - y.c();
        for (int n = 0; n < y.n(); n++) {
            for (int c = 0; c < y.c(); c++) {
                for (int yy = 0; yy < y.h(); yy++) {
                    for (int xx = 0; xx < y.w(); xx++) {
                        out[x.index(n, first + c, yy, xx)] += y.at(n, c, yy, xx);
                    }
                }
            }
        }
        return x.with(out);
    }

    public static Float64Tensor add(List<Float64Tensor> inputs) {
        double[] out = new double[inputs.get(0).size()];
        for (Float64Tensor t : inputs) {
            for (int i = 0; i < out.length; i++) {
                out[i] += t.data()[i];
            }
        }
        return inputs.get(0).with(out);
    }

    /** Mean over the batch of log(sum_j exp(z_j)) - z_label, with the max-shift. */
    public static double softmaxCrossEntropy(Float64Tensor logits, int[] labels) {
        int k = logits.sampleSize();
        double loss = 0;
        for (int n = 0; n < logits.n(); n++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, logits.data()[n * k + j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += Math.exp(logits.data()[n * k + j] - max);
            }
            loss += Math.log(sum) + max - logits.data()[n * k + labels[n]];
        }
        return loss / logits.n();
    }

    /** sum_i u_i y_i: the scalar whose gradient with respect to y is the upstream gradient u. */
    public static double dot(double[] u, Float64Tensor y) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * y.data()[i];
        }
        return sum;
    }
}
