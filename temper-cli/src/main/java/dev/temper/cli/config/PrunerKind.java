package dev.temper.cli.config;

/** Whether a tune file stops poor trials early: {@code none} or {@code median} (the median stopping rule). */
public enum PrunerKind implements YamlNamed {
    NONE,
    MEDIAN
}
