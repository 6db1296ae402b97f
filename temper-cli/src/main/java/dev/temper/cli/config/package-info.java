/**
 * Run files: YAML -> validated config values. Imports no engine code.
 *
 * <p>Owns the values a {@code temper train} run is configured by ({@link TrainConfig} and its
 * parts) and {@link TrainConfigParser}, which reads them from a YAML run file. May import
 * {@code java.*} and SnakeYAML's node API only; the trainer turns these values into engine
 * objects, so this package stays testable without a BLAS binding.
 */
package dev.temper.cli.config;
