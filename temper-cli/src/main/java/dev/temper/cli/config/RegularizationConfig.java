package dev.temper.cli.config;

/**
 * Weight penalties of the run, on every weight matrix and kernel (rank 2 and more; biases and normalization
 * parameters are left alone), added to the loss: {@code l1 * sum|w| + l2 * sum w^2}. The L2 gradient is
 * {@code 2 * l2 * w}, Keras's convention (PyTorch's {@code weight_decay} adds {@code weight_decay * w}).
 *
 * @param l1 strength of the L1 penalty, >= 0
 * @param l2 strength of the L2 penalty, >= 0
 */
public record RegularizationConfig(double l1, double l2) {
    public RegularizationConfig {
        Range.AT_LEAST_ZERO.check("l1", l1);
        Range.AT_LEAST_ZERO.check("l2", l2);
    }

    public static RegularizationConfig none() {
        return new RegularizationConfig(0, 0);
    }

    public boolean isNone() {
        return l1 == 0 && l2 == 0;
    }
}
