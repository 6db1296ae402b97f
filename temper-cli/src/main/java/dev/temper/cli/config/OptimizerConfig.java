package dev.temper.cli.config;

/**
 * The optimizer, its settings and its learning-rate schedule.
 *
 * <p>Each kind accepts its own settings only (see {@link OptimizerKind}); defaults are the library's. Decoupled
 * weight decay ({@code weight_decay}) and gradient clipping ({@code clip_norm}, {@code clip_value}) are settings of
 * every kind because they are stages of the optimizer's chain, not terms of the loss (see
 * {@link RegularizationConfig} for penalties).
 *
 * @param name the optimizer
 * @param settings every setting of that optimizer, given or default
 * @param schedule the learning-rate schedule, or null for a constant rate
 */
public record OptimizerConfig(OptimizerKind name, Settings settings, ScheduleConfig schedule) {

    public OptimizerConfig {
        if (name == null) {
            throw new IllegalArgumentException("optimizer name must not be null");
        }
        settings = Settings.checked(name.describe(), name.settings(), settings == null ? Settings.none() : settings);
        try {
            name.checkWithRecipe(settings);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name.describe() + ": " + e.getMessage(), e);
        }
    }

    /** The optimizer with the library's defaults and a constant rate. */
    public static OptimizerConfig of(OptimizerKind name) {
        return new OptimizerConfig(name, Settings.none(), null);
    }

    /** Adam with the paper's settings (lr 1e-3, betas 0.9 and 0.999, eps 1e-8): the default run's optimizer. */
    public static OptimizerConfig adam() {
        return of(OptimizerKind.ADAM);
    }

    /** Plain SGD (no momentum) with learning rate 0.01. */
    public static OptimizerConfig sgd() {
        return of(OptimizerKind.SGD);
    }

    /** The defaults of the named optimizer. */
    public static OptimizerConfig defaultsFor(OptimizerKind name) {
        return of(name);
    }

    /** This optimizer with one setting changed ({@code with("weight_decay", 1e-4)}); checked like a run file. */
    public OptimizerConfig with(String key, Object value) {
        return new OptimizerConfig(name, settings.with(key, value), schedule);
    }

    /** This optimizer with another schedule (null: constant rate). */
    public OptimizerConfig withSchedule(ScheduleConfig newSchedule) {
        return new OptimizerConfig(name, settings, newSchedule);
    }

    public double learningRate() {
        return settings.number("learning_rate");
    }

    /** Decoupled weight decay per step (0: none). */
    public double weightDecay() {
        return settings.number("weight_decay");
    }
}
