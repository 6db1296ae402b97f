package dev.temper.tune;

/** Where a trial stands after its latest job. */
public enum TrialState {
    /** A job of it is running (or was, when the study crashed). */
    RUNNING,
    /** Its latest job reached its budget; a multi-fidelity strategy may still continue it to a larger one. */
    COMPLETE,
    /** Stopped early by the pruner; its value is the last one reported. */
    PRUNED,
    /** Diverged (a NaN or infinite value) or threw; the reason says which. */
    FAILED;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TrialState parse(String text) {
        for (TrialState s : values()) {
            if (s.yamlName().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown trial state '" + text + "'; expected running, complete, pruned or failed");
    }
}
