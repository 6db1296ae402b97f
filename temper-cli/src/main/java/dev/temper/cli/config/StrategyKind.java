package dev.temper.cli.config;

/** The search strategies a tune file can name. */
public enum StrategyKind implements YamlNamed {
    GRID,
    RANDOM,
    TPE,
    GP,
    HYPERBAND,
    ASHA
}
