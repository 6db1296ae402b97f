/**
 * Run files: YAML -> validated config values.
 *
 * <p>Owns the values a {@code temper train} run is configured by ({@link TrainConfig} and its parts) and
 * {@link TrainConfigParser}, which reads them from a YAML run file. Optimizers, schedules, callbacks and
 * augmentations are each a {@link ConfigKind} with the {@link Setting}s it accepts; their values travel as
 * {@link Settings}, complete and checked, inside records that validate in their constructors, so a config built in
 * code ({@code TrainConfig.defaults().withOptimizer(...)}) obeys the same rules as a run file.
 *
 * <p>May import {@code java.*}, SnakeYAML's node API, and the library's recipe values ({@code dev.temper.optim}
 * recipes, {@code dev.temper.train} callbacks, {@code dev.temper.data} augmentations) only to read their defaults
 * and run their argument checks, so each default and each rule is written once. It never builds a model, touches a
 * tensor or trains; the CLI turns these values into engine objects.
 */
package dev.temper.cli.config;
