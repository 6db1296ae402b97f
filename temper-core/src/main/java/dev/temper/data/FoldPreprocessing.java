package dev.temper.data;

import java.util.function.UnaryOperator;

/**
 * A preprocessing step that cross-validation fits anew on each fold's training rows and applies to both of the
 * fold's parts: scikit-learn's pipeline inside {@code cross_val_score}. Fitted once on all rows before the folds are
 * dealt, a step such as standardization would let each held-out fold's own mean and spread shape the features the
 * model trains on, and the cross-validated figures would come out optimistic.
 */
@FunctionalInterface
public interface FoldPreprocessing {
    /** The transform fitted on {@code train}, a fold's training rows; it is applied to them and to the held-out rows. */
    UnaryOperator<Dataset> fit(Dataset train);

    /** The rows as they are. */
    static FoldPreprocessing none() {
        return train -> UnaryOperator.identity();
    }

    /** Per-feature standardization ({@link Standardization}) with the statistics of the fold's training rows. */
    static FoldPreprocessing standardize() {
        return train -> Standardization.fit(train.features())::apply;
    }
}
