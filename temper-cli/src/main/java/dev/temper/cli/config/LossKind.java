package dev.temper.cli.config;

/** The training loss; the YAML names are {@code softmax_cross_entropy} and {@code mse}. */
public enum LossKind implements YamlNamed {
    /** Softmax then cross-entropy, fused: the model's last layer gives logits. */
    SOFTMAX_CROSS_ENTROPY,
    /** Mean squared error against one-hot targets. */
    MSE
}
