package dev.temper.cli.config;

/** The training loss; the YAML names are the constants in lower case. */
public enum LossKind implements YamlNamed {
    /** Softmax then cross-entropy, fused: the model's last layer gives logits. */
    SOFTMAX_CROSS_ENTROPY,
    /** Mean squared error: regression on numeric CSV labels, else against one-hot class targets. */
    MSE,
    /** Mean absolute error, a regression loss less swayed by outliers. */
    MAE,
    /** Huber loss with delta 1 (squared near 0, absolute beyond): a robust regression loss. */
    HUBER,
    /** log(cosh(error)): smooth like MSE near 0, linear like MAE far out. */
    LOG_COSH,
    /** Binary cross-entropy on one logit (sigmoid applied inside, stably), labels 0 and 1. */
    BINARY_CROSS_ENTROPY;

    /** Losses that compare numbers: regression on numeric labels, or one-hot targets for class labels. */
    public boolean regression() {
        return this == MSE || this == MAE || this == HUBER || this == LOG_COSH;
    }

    /** Losses on one logit against labels 0 and 1. */
    public boolean binary() {
        return this == BINARY_CROSS_ENTROPY;
    }
}
