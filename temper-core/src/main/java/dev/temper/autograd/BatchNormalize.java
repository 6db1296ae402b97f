package dev.temper.autograd;

import dev.temper.tensor.ChannelNormalization;
import dev.temper.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch normalization over axis 1 ({@code [N, C]} or {@code [N, C, H, W]}) as one fused op (Ioffe and Szegedy
 * 2015): {@code y = gamma (x - mean) / sqrt(var + eps) + beta} per channel. Fused because the composed graph
 * would keep five intermediate tensors of x's size and lose precision in float32 sums.
 *
 * <p>With batch statistics (training) the mean and biased variance come from x itself and the backward pass
 * differentiates through them; with fixed statistics (inference, or a frozen layer) they are constants.
 */
public final class BatchNormalize {
    private BatchNormalize() {}

    /** The output and the batch's statistics (float64 {@code [C]}), which the layer folds into its running ones. */
    public record Result(Variable output, Tensor batchMean, Tensor batchVariance) {}

    /** Normalizes with this batch's statistics. {@code gamma} and {@code beta} ({@code [C]}) may be null. */
    public static Result withBatchStatistics(Variable x, Variable gamma, Variable beta, double epsilon) {
        Tensor[] moments = ChannelNormalization.moments(x.value());
        Variable y = apply(x, gamma, beta, moments[0], moments[1], epsilon, true);
        return new Result(y, moments[0], moments[1]);
    }

    /** Normalizes with given statistics {@code [C]} (constants: no gradient flows into them). */
    public static Variable withFixedStatistics(Variable x, Variable gamma, Variable beta, Tensor mean, Tensor variance,
                                               double epsilon) {
        return apply(x, gamma, beta, mean, variance, epsilon, false);
    }

    private static Variable apply(Variable x, Variable gamma, Variable beta, Tensor mean, Tensor variance,
                                  double epsilon, boolean batchStatistics) {
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("batch normalization: epsilon must be > 0, got " + epsilon);
        }
        int channels = x.shape().rank() >= 2 ? x.shape().dim(1) : -1;
        checkChannels("gamma", gamma == null ? null : gamma.value(), channels, x);
        checkChannels("beta", beta == null ? null : beta.value(), channels, x);
        checkChannels("mean", mean, channels, x);
        checkChannels("variance", variance, channels, x);
        double[] m = mean.toDoubleArray();
        double[] invStd = new double[m.length];
        double[] v = variance.toDoubleArray();
        for (int c = 0; c < m.length; c++) {
            invStd[c] = 1.0 / Math.sqrt(v[c] + epsilon);
        }
        Tensor y = ChannelNormalization.normalize(x.value(), m, invStd,
                gamma == null ? null : gamma.value(), beta == null ? null : beta.value());
        List<Variable> inputs = new ArrayList<>(List.of(x));
        if (gamma != null) {
            inputs.add(gamma);
        }
        if (beta != null) {
            inputs.add(beta);
        }
        return Variable.fromOp(y, g -> {
            Tensor[] grads = ChannelNormalization.backward(g, x.value(), m, invStd,
                    gamma == null ? null : gamma.value(), batchStatistics);
            if (x.requiresGrad()) {
                x.accumulateGrad(grads[0]);
            }
            if (gamma != null && gamma.requiresGrad()) {
                gamma.accumulateGrad(grads[1].to(gamma.value().dtype()));
            }
            if (beta != null && beta.requiresGrad()) {
                beta.accumulateGrad(grads[2].to(beta.value().dtype()));
            }
        }, inputs.toArray(new Variable[0]));
    }

    private static void checkChannels(String what, Tensor t, int channels, Variable x) {
        if (channels < 0) {
            throw new IllegalArgumentException("batch normalization: expected input [batch, channels, ...], got " + x.shape());
        }
        if (t != null && (t.rank() != 1 || t.dim(0) != channels)) {
            throw new IllegalArgumentException("batch normalization: " + what + " must have shape [" + channels
                    + "] for input " + x.shape() + ", got " + t.shape());
        }
    }
}
