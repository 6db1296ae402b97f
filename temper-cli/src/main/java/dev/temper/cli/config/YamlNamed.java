package dev.temper.cli.config;

import java.util.Locale;

/**
 * A choice that a run file spells in snake_case: the constant {@code SOFTMAX_CROSS_ENTROPY} is
 * written {@code softmax_cross_entropy}. One rule for every enum, so names cannot drift.
 */
public interface YamlNamed {
    /** The constant's name; every enum already has it. */
    String name();

    /** The name as written in a run file. */
    default String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
