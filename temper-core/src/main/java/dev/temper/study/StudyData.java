package dev.temper.study;

import dev.temper.data.Dataset;

/**
 * The examples every run of a study sees: it trains on {@code train}, picks its best epoch (and stops early) on
 * {@code validation}, and is judged on {@code test}, which no choice depends on.
 */
public record StudyData(Dataset train, Dataset validation, Dataset test) {
    public StudyData {
        check("train", train);
        check("validation", validation);
        check("test", test);
    }

    private static void check(String name, Dataset d) {
        if (d == null || d.size() == 0) {
            throw new IllegalArgumentException("StudyData: the " + name + " set must hold at least one example, got "
                    + (d == null ? "null" : "0 examples"));
        }
    }

    /** The sizes, as the configuration a run was trained under records them. */
    String describe() {
        return train.size() + " train / " + validation.size() + " validation / " + test.size() + " test examples";
    }
}
