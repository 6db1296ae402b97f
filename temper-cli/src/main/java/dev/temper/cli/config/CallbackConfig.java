package dev.temper.cli.config;

/**
 * A callback switched on for the run, with every setting of its kind (given or default).
 *
 * @param kind the callback
 * @param settings the kind's settings; keys it lacks are refused, missing ones take their defaults
 */
public record CallbackConfig(CallbackKind kind, Settings settings) {
    public CallbackConfig {
        if (kind == null) {
            throw new IllegalArgumentException("callback kind must not be null");
        }
        settings = Settings.checked(kind.describe(), kind.settings(), settings == null ? Settings.none() : settings);
    }

    /** The callback with Keras's defaults. */
    public static CallbackConfig of(CallbackKind kind) {
        return new CallbackConfig(kind, Settings.none());
    }

    /** This callback with one setting changed ({@code with("patience", 5)}). */
    public CallbackConfig with(String key, Object value) {
        return new CallbackConfig(kind, settings.with(key, value));
    }
}
