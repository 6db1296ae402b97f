package dev.temper.study;

/** One run of a study: a regime and a seed. */
public record RunKey(String regime, long seed) {
    public RunKey {
        Regime.checkName(regime);
    }

    @Override
    public String toString() {
        return regime + " seed " + seed;
    }
}
