package dev.temper.cli.config;

/**
 * Weight penalties of the run, on every weight matrix and kernel (rank 2 and more; biases and normalization
 * parameters are left alone): {@code l1 * sum|w| + l2 * sum w^2} added to the loss, and L1 by proximal steps. The L2
 * gradient is {@code 2 * l2 * w}, Keras's convention (PyTorch's {@code weight_decay} adds {@code weight_decay * w}).
 *
 * @param l1 strength of the L1 penalty in the loss (a subgradient: weights hover near zero, rarely at it), >= 0
 * @param l2 strength of the L2 penalty, >= 0
 * @param proximalL1 strength of L1 by proximal steps: after each optimizer step every weight is soft-thresholded by
 *     {@code learning_rate * proximal_l1}, which sets small weights exactly to zero ({@code ProximalL1}), >= 0
 */
public record RegularizationConfig(double l1, double l2, double proximalL1) {
    public RegularizationConfig {
        Range.AT_LEAST_ZERO.check("l1", l1);
        Range.AT_LEAST_ZERO.check("l2", l2);
        Range.AT_LEAST_ZERO.check("proximalL1", proximalL1);
    }

    /** Penalties in the loss only. */
    public RegularizationConfig(double l1, double l2) {
        this(l1, l2, 0);
    }

    public static RegularizationConfig none() {
        return new RegularizationConfig(0, 0, 0);
    }

    public boolean isNone() {
        return l1 == 0 && l2 == 0 && proximalL1 == 0;
    }
}
