package dev.temper.study;

/**
 * What a study measures per run and averages over seeds, by the name it has in {@code metrics.json},
 * {@code results.csv} and {@code results.json}.
 *
 * <p>"Final" figures are measured on the model the run ends with (for early stopping with restored weights, the
 * best epoch's weights); "best" figures are those of the run's best epoch, the one with the best value of the
 * study's selection column (by default the lowest validation loss: chosen on validation data, never on the test
 * set). Training figures are measured in inference mode on the clean training set. The generalization gap is final
 * training accuracy minus final test accuracy.
 */
public enum Quantity {
    FINAL_TRAIN_LOSS("final_train_loss", "final train loss", Kind.LOSS),
    FINAL_TRAIN_ACCURACY("final_train_accuracy", "final train accuracy", Kind.ACCURACY),
    FINAL_VALIDATION_LOSS("final_val_loss", "final validation loss", Kind.LOSS),
    FINAL_VALIDATION_ACCURACY("final_val_accuracy", "final validation accuracy", Kind.ACCURACY),
    FINAL_TEST_LOSS("final_test_loss", "final test loss", Kind.LOSS),
    FINAL_TEST_ACCURACY("final_test_accuracy", "final test accuracy", Kind.ACCURACY),
    BEST_TRAIN_LOSS("best_train_loss", "train loss at the best epoch", Kind.LOSS),
    BEST_TRAIN_ACCURACY("best_train_accuracy", "train accuracy at the best epoch", Kind.ACCURACY),
    BEST_VALIDATION_LOSS("best_val_loss", "validation loss at the best epoch", Kind.LOSS),
    BEST_VALIDATION_ACCURACY("best_val_accuracy", "validation accuracy at the best epoch", Kind.ACCURACY),
    BEST_TEST_LOSS("best_test_loss", "test loss at the best epoch", Kind.LOSS),
    BEST_TEST_ACCURACY("best_test_accuracy", "test accuracy at the best epoch", Kind.ACCURACY),
    GENERALIZATION_GAP("generalization_gap", "final train accuracy minus final test accuracy", Kind.ACCURACY),
    BEST_EPOCH("best_epoch", "the best epoch (from 1)", Kind.COUNT),
    EPOCHS_RUN("epochs_run", "epochs trained", Kind.COUNT),
    WEIGHT_L2_NORM("weight_l2_norm", "L2 norm of all weight matrices and kernels together", Kind.NUMBER),
    WEIGHT_ZERO_FRACTION("weight_zero_fraction", "fraction of weights exactly zero", Kind.FRACTION),
    WALL_SECONDS("wall_seconds", "wall-clock seconds of the run, evaluations included", Kind.SECONDS);

    /** How a quantity reads: what a table does with it. */
    public enum Kind {
        /** A loss: smaller is better. */
        LOSS,
        /** A fraction shown in percent (points, for the gap). */
        ACCURACY,
        /** A fraction of a count (zero weights). */
        FRACTION,
        /** A whole number per run (epochs). */
        COUNT,
        /** Any other number. */
        NUMBER,
        /** Wall-clock time: the one quantity that differs between two runs of the same seed. */
        SECONDS
    }

    private final String key;
    private final String description;
    private final Kind kind;

    Quantity(String key, String description, Kind kind) {
        this.key = key;
        this.description = description;
        this.kind = kind;
    }

    /** The name in the result files ({@code final_test_accuracy}). */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the quantity is the same for the same configuration and seed (all but wall time). */
    public boolean reproducible() {
        return kind != Kind.SECONDS;
    }

    /** The quantity named {@code key} in the result files. */
    public static Quantity byKey(String key) {
        for (Quantity q : values()) {
            if (q.key.equals(key)) {
                return q;
            }
        }
        throw new IllegalArgumentException("Quantity: no quantity named '" + key + "'");
    }
}
