package dev.temper.tune;

import dev.temper.data.Dataset;
import dev.temper.data.FoldPreprocessing;
import dev.temper.data.KFold;
import dev.temper.tensor.Rng;
import dev.temper.train.CrossValidation;
import dev.temper.train.Trainer;
import java.util.function.BiFunction;

/**
 * A configuration's mean validation accuracy (or loss) over k folds, the score of scikit-learn's
 * {@code GridSearchCV}: each fold trains a fresh model on the other folds for {@code epochs} epochs
 * ({@link CrossValidation}). One budget step is the whole cross-validation, so use it with full-budget
 * strategies (grid, random, TPE, GP).
 */
public final class CrossValidatedObjective implements Objective {
    private final Dataset data;
    private final KFold folds;
    private final int epochs;
    private final int batchSize;
    private final boolean accuracy;
    private final BiFunction<Configuration, Rng, Trainer> trainers;
    private final FoldPreprocessing preprocessing;

    /**
     * @param accuracy true to report the mean accuracy (maximize), false for the mean loss (minimize)
     * @param trainers a fresh trainer (new model) for a configuration and a fold's generator
     */
    public CrossValidatedObjective(Dataset data, KFold folds, int epochs, int batchSize, boolean accuracy,
                                   BiFunction<Configuration, Rng, Trainer> trainers) {
        this(data, folds, epochs, batchSize, accuracy, FoldPreprocessing.none(), trainers);
    }

    /**
     * As above, with {@code preprocessing} fitted on each fold's training rows ({@link CrossValidation}): per-fold
     * standardization for data whose features are standardized.
     */
    public CrossValidatedObjective(Dataset data, KFold folds, int epochs, int batchSize, boolean accuracy,
                                   FoldPreprocessing preprocessing, BiFunction<Configuration, Rng, Trainer> trainers) {
        if (data == null || folds == null || trainers == null || preprocessing == null || epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("CrossValidatedObjective: needs data, folds, trainers, preprocessing, epochs >= 1 and batchSize >= 1,"
                    + " got epochs " + epochs + ", batchSize " + batchSize);
        }
        this.data = data;
        this.folds = folds;
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.accuracy = accuracy;
        this.trainers = trainers;
        this.preprocessing = preprocessing;
    }

    public Direction direction() {
        return accuracy ? Direction.MAXIMIZE : Direction.MINIMIZE;
    }

    @Override
    public TrialRun start(Configuration configuration, long seed) {
        return new TrialRun() {
            private double value = Double.NaN;

            @Override
            public double advance() {
                if (Double.isNaN(value)) {
                    CrossValidation.Result r = CrossValidation.run(data, data.targets(), folds, epochs, batchSize, new Rng(seed),
                            preprocessing, rng -> trainers.apply(configuration, rng));
                    value = accuracy ? r.accuracy().mean() : r.loss().mean();
                }
                return value;
            }
        };
    }
}
