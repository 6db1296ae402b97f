package dev.temper.cli.config;

import java.util.List;

/**
 * A kind of optimizer, schedule, callback or augmentation: its run-file name and the settings it accepts. A kind
 * accepts only its own keys, so a setting of another kind is an error, never silently ignored.
 */
public interface ConfigKind extends YamlNamed {
    /** What the kind is a kind of, for messages: "optimizer", "schedule", "callback", "augmentation". */
    String section();

    /** Every key this kind accepts, in the order reports list them, with its default. */
    List<Setting> settings();

    /** How messages name this kind: "optimizer sgd". */
    default String describe() {
        return section() + " " + yamlName();
    }
}
