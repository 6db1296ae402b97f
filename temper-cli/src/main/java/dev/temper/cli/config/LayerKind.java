package dev.temper.cli.config;

import java.util.List;

/**
 * A layer of the model: {@code dense}, {@code dropout}, an activation, or a normalization layer (whose width
 * comes from the layer before it, so it takes no settings).
 */
public enum LayerKind implements YamlNamed {
    DENSE,
    RELU,
    SIGMOID,
    TANH,
    SOFTMAX,
    LEAKY_RELU,
    ELU,
    SELU,
    GELU,
    SOFTPLUS,
    SILU,
    DROPOUT,
    BATCH_NORMALIZATION,
    LAYER_NORMALIZATION;

    private static final List<LayerKind> ACTIVATIONS = List.of(RELU, SIGMOID, TANH, SOFTMAX, LEAKY_RELU, ELU, SELU,
            GELU, SOFTPLUS, SILU);

    /** True for the kinds that may stand alone as an activation layer or follow a dense layer. */
    public boolean isActivation() {
        return ACTIVATIONS.contains(this);
    }

    /** True for the kinds written as a bare name in the layer list ({@code - relu}, {@code - batch_normalization}). */
    public boolean takesNoSettings() {
        return isActivation() || this == BATCH_NORMALIZATION || this == LAYER_NORMALIZATION;
    }

    /** The activation kinds, in declaration order. */
    public static List<LayerKind> activations() {
        return ACTIVATIONS;
    }
}
