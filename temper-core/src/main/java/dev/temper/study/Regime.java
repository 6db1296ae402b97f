package dev.temper.study;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A named change to a run: what a study compares. {@code change} turns the study's base {@link RunFactory} into
 * this regime's; most regimes change the fresh setup the base builds ({@link #changingSetup}: another model around
 * the same layers, another optimizer, more trainer options), others build their own run from the run's generator
 * ({@link #replacing}: a run file of its own). The factory is called once per run, so stateful pieces (an
 * {@code EarlyStopping}, an optimizer) are new each time.
 *
 * @param name a short identifier, also the run directory's name: lower-case letters, digits, {@code _} and
 *     {@code -}, starting with a letter or digit
 * @param description what the regime changes, in words and numbers ({@code "L2 penalty 1e-3 on weights"}); kept
 *     with every run, and a run finished under another description is not taken for this regime's
 */
public record Regime(String name, String description, UnaryOperator<RunFactory> change) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public Regime {
        checkName(name);
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("Regime '" + name + "': description must not be blank");
        }
        if (change == null) {
            throw new IllegalArgumentException("Regime '" + name + "': change must not be null");
        }
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("regime name must be 1-64 lower-case letters, digits, '_' or '-' "
                    + "(starting with a letter or digit), got '" + name + "'");
        }
    }

    /** The base run unchanged. */
    public static Regime baseline() {
        return new Regime("baseline", "the base run, no regularization", UnaryOperator.identity());
    }

    /** A regime that changes the setup the base run builds (which keeps the base's initial weights). */
    public static Regime changingSetup(String name, String description, UnaryOperator<RunSetup> change) {
        if (change == null) {
            throw new IllegalArgumentException("Regime '" + name + "': change must not be null");
        }
        return new Regime(name, description, base -> rng -> change.apply(base.create(rng)));
    }

    /** A regime that builds its runs itself, ignoring the base run. */
    public static Regime replacing(String name, String description, RunFactory run) {
        if (run == null) {
            throw new IllegalArgumentException("Regime '" + name + "': run must not be null");
        }
        return new Regime(name, description, base -> run);
    }

    /** This regime's factory, from the study's base one. */
    public RunFactory apply(RunFactory base) {
        RunFactory out = change.apply(base);
        if (out == null) {
            throw new IllegalStateException("Regime '" + name + "': change returned no run factory");
        }
        return out;
    }
}
