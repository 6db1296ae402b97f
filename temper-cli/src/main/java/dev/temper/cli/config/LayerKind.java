package dev.temper.cli.config;

import java.util.List;

/** A layer of the model: {@code dense}, {@code dropout}, or a parameter-free activation. */
public enum LayerKind implements YamlNamed {
    DENSE,
    RELU,
    SIGMOID,
    TANH,
    SOFTMAX,
    DROPOUT;

    private static final List<LayerKind> ACTIVATIONS = List.of(RELU, SIGMOID, TANH, SOFTMAX);

    /** True for the kinds that may stand alone as an activation layer or follow a dense layer. */
    public boolean isActivation() {
        return this != DENSE && this != DROPOUT;
    }

    /** The activation kinds, in declaration order. */
    public static List<LayerKind> activations() {
        return ACTIVATIONS;
    }
}
