package dev.temper.cli.config;

/** The training loss; the YAML names are {@code softmax_cross_entropy} and {@code mse}. */
public enum LossKind implements YamlNamed {
    /** Softmax then cross-entropy, fused: the model's last layer gives logits. */
    SOFTMAX_CROSS_ENTROPY,
    /** Mean squared error: regression on numeric CSV labels, else against one-hot class targets. */
    MSE;

    /** Losses that compare numbers: regression on numeric labels, or one-hot targets for class labels. */
    public boolean regression() {
        return this == MSE;
    }

    /** Losses on one logit against labels 0 and 1. */
    public boolean binary() {
        return false;
    }
}
