package org.bnnworkbench.engine.reference;

/** Naive float64 batch normalisation over channels (axis 1) for N x C x ... inputs. */
public final class ReferenceNorm {

    private ReferenceNorm() {
    }

    /**
     * Training mode (Ioffe and Szegedy 2015, Alg. 1): per channel, the batch mean and the biased
     * batch variance over N and all spatial positions; y = gamma (x - mean) / sqrt(var + eps) + beta.
     */
    public static Float64Tensor batchNormTraining(Float64Tensor x, double[] gamma, double[] beta, double eps) {
        int channels = x.shape()[1];
        int n = x.n();
        int plane = x.size() / (n * channels);
        double[] mean = new double[channels];
        double[] var = new double[channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < plane; p++) {
                    sum += x.data()[(i * channels + c) * plane + p];
                }
            }
            mean[c] = sum / (n * plane);
            double sq = 0;
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < plane; p++) {
                    double d = x.data()[(i * channels + c) * plane + p] - mean[c];
                    sq += d * d;
                }
            }
            var[c] = sq / (n * plane);
        }
        return batchNormEval(x, gamma, beta, mean, var, eps);
    }

    /** Evaluation mode: the given (running) mean and variance instead of the batch statistics. */
    public static Float64Tensor batchNormEval(Float64Tensor x, double[] gamma, double[] beta, double[] mean,
                                              double[] var, double eps) {
        int channels = x.shape()[1];
        int n = x.n();
        int plane = x.size() / (n * channels);
        double[] y = new double[x.size()];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                double inv = 1 / Math.sqrt(var[c] + eps);
                for (int p = 0; p < plane; p++) {
                    int idx = (i * channels + c) * plane + p;
                    y[idx] = gamma[c] * (x.data()[idx] - mean[c]) * inv + beta[c];
                }
            }
        }
        return x.with(y);
    }
}
