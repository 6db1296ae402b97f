package dev.temper.cli.config;

/**
 * The numeric ranges config values must lie in. The records check with them and the parser words
 * its errors with them, so a rule and its wording are written once.
 */
public enum Range {
    ANY(""),
    AT_LEAST_ZERO(">= 0"),
    AT_LEAST_ONE(">= 1"),
    POSITIVE("> 0"),
    FRACTION("in [0, 1)"),
    /** A probability or a factor that may reach 1: {@code [0, 1]}. */
    PROBABILITY("in [0, 1]"),
    /** A multiplicative decay: {@code (0, 1]} (0 would zero the rate for good). */
    DECAY_FACTOR("in (0, 1]");

    private final String wording;

    Range(String wording) {
        this.wording = wording;
    }

    /** Whether a value is in range; NaN and infinities never are, except for ANY. */
    public boolean contains(double value) {
        return switch (this) {
            case ANY -> true;
            case AT_LEAST_ZERO -> value >= 0 && value < Double.POSITIVE_INFINITY;
            case AT_LEAST_ONE -> value >= 1 && value < Double.POSITIVE_INFINITY;
            case POSITIVE -> value > 0 && value < Double.POSITIVE_INFINITY;
            case FRACTION -> value >= 0 && value < 1;
            case PROBABILITY -> value >= 0 && value <= 1;
            case DECAY_FACTOR -> value > 0 && value <= 1;
        };
    }

    /** {@code kind} followed by the range: "an integer >= 1", or just "an integer" for ANY. */
    public String describe(String kind) {
        return wording.isEmpty() ? kind : kind + " " + wording;
    }

    /** Record-side check: "epochs must be >= 1, got 0". */
    void check(String name, long value) {
        if (!contains(value)) {
            throw new IllegalArgumentException(name + " must be " + wording + ", got " + value);
        }
    }

    /** Record-side check: "learningRate must be > 0, got -0.1". */
    void check(String name, double value) {
        if (!contains(value)) {
            throw new IllegalArgumentException(name + " must be " + wording + ", got " + value);
        }
    }
}
