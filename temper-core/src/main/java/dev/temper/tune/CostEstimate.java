package dev.temper.tune;

/**
 * What a study will cost before it runs, so that its compute can be predicted.
 *
 * @param configurations configurations it will evaluate (at most)
 * @param steps budget steps (epochs) in all, continued runs counting only their extra steps
 * @param exact false when the figures are upper bounds (ASHA stops promoting when the rungs say so)
 * @param description one line, e.g. {@code Hyperband R=81, eta=3: 5 brackets, 143 configurations, 1458 epochs in all}
 */
public record CostEstimate(long configurations, long steps, boolean exact, String description) {}
