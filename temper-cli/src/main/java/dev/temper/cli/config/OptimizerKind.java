package dev.temper.cli.config;

/** The optimizer; the YAML names are {@code adam} and {@code sgd}. */
public enum OptimizerKind implements YamlNamed {
    ADAM,
    SGD
}
