package dev.temper.study;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A named change to a run: what a study compares. {@code change} takes the base run's fresh {@link RunSetup} and
 * returns the setup this regime trains (another model, another optimizer, more trainer options). It is called once
 * per run, so stateful pieces it adds (an {@code EarlyStopping}, an optimizer) are new each time.
 *
 * @param name a short identifier, also the run directory's name: lower-case letters, digits, {@code _} and
 *     {@code -}, starting with a letter or digit
 * @param description what the regime changes, in words and numbers ({@code "L2 penalty 1e-3 on weights"}); kept
 *     with every run, and a run finished under another description is not taken for this regime's
 */
public record Regime(String name, String description, UnaryOperator<RunSetup> change) {
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

    /** The setup this regime trains, from the base run's fresh setup. */
    public RunSetup apply(RunSetup base) {
        RunSetup out = change.apply(base);
        if (out == null) {
            throw new IllegalStateException("Regime '" + name + "': change returned null");
        }
        return out;
    }
}
