package dev.temper.cli.config;

/**
 * K-fold cross-validation of the training set instead of one training run: {@code folds} models, each trained on
 * all folds but one and evaluated on that one, reported per fold and as mean ± std.
 *
 * @param folds the number of folds, >= 2
 * @param stratified whether each fold keeps the class proportions (needs class labels, not numeric targets)
 */
public record CrossValidationConfig(int folds, boolean stratified) {
    /** scikit-learn's default number of folds. */
    public static final int DEFAULT_FOLDS = 5;
    /** Stratified, as scikit-learn's {@code cross_validate} does for a classifier. */
    public static final boolean DEFAULT_STRATIFIED = true;

    public CrossValidationConfig {
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be >= 2, got " + folds);
        }
    }

    public static CrossValidationConfig defaults() {
        return new CrossValidationConfig(DEFAULT_FOLDS, DEFAULT_STRATIFIED);
    }
}
