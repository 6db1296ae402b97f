package dev.temper.cli.config;

/**
 * A learning-rate schedule: its kind and every setting of that kind (given or default).
 *
 * @param name the kind of schedule
 * @param settings the kind's settings; keys it lacks are refused, missing ones take their defaults
 */
public record ScheduleConfig(ScheduleKind name, Settings settings) {
    public ScheduleConfig {
        if (name == null) {
            throw new IllegalArgumentException("schedule name must not be null");
        }
        settings = Settings.checked(name.describe(), name.settings(), settings == null ? Settings.none() : settings);
    }

    /** The kind with its defaults (a kind with required settings needs {@link #with} first: use the constructor). */
    public static ScheduleConfig of(ScheduleKind name) {
        return new ScheduleConfig(name, Settings.none());
    }

    public ScheduleConfig with(String key, Object value) {
        return new ScheduleConfig(name, settings.with(key, value));
    }

    /** Whether the schedule counts optimizer steps rather than epochs. */
    public boolean perStep() {
        return settings.text("per").equals("step");
    }
}
