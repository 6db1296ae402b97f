package dev.temper.loss;

/**
 * How per-sample losses become the value that is returned: PyTorch's {@code reduction} argument.
 *
 * <ul>
 *   <li>{@link #MEAN}: sum of the (weighted) per-sample losses divided by the batch size, or by the sum of the
 *       targets' class weights for a class-weighted cross-entropy (see {@link PerSampleLoss#meanDenominator}).
 *   <li>{@link #SUM}: sum of the (weighted) per-sample losses.
 *   <li>{@link #NONE}: the {@code [batch]} vector of (weighted) per-sample losses, not a scalar, so it cannot be
 *       handed to {@code backward()} directly.
 * </ul>
 */
public enum Reduction {
    MEAN,
    SUM,
    NONE
}
