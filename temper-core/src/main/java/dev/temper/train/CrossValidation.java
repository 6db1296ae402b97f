package dev.temper.train;

import dev.temper.data.Dataset;
import dev.temper.data.Fold;
import dev.temper.data.FoldPreprocessing;
import dev.temper.data.FoldSummary;
import dev.temper.data.KFold;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * K-fold cross-validation: for each fold, a fresh model and trainer (from {@code trainerFactory}, given a
 * generator of its own) trains on the other folds and is evaluated on this one. The spread over folds says how
 * much a single validation figure can be trusted.
 *
 * <p>Seeding: the folds, and each fold's initialization and shuffling, all draw from streams split off the
 * generator given, in fold order, so the same seed gives the same figures.
 */
public final class CrossValidation {
    private CrossValidation() {}

    /** Per-fold evaluations and their mean and sample standard deviation. */
    public record Result(List<Evaluation> folds, FoldSummary loss, FoldSummary accuracy) {
        /** One line per fold and the summary, e.g. {@code fold 1: loss 0.2311, accuracy 0.9350}. */
        public String report() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < folds.size(); i++) {
                sb.append(String.format(java.util.Locale.ROOT, "fold %d: loss %.4f, accuracy %.4f%n", i + 1,
                        folds.get(i).loss(), folds.get(i).accuracy()));
            }
            sb.append("mean: loss ").append(loss.format()).append(", accuracy ")
                    .append(accuracy == null ? "n/a" : accuracy.format()).append('\n');
            return sb.toString();
        }
    }

    public static Result run(Dataset data, KFold kFold, int epochs, int batchSize, Rng rng,
                             Function<Rng, Trainer> trainerFactory) {
        return run(data, data.targets(), kFold, epochs, batchSize, rng, trainerFactory);
    }

    /**
     * Like {@link #run(Dataset, KFold, int, int, Rng, Function)}, with the folds dealt by {@code classLabels}
     * {@code [n]} (one class index per example) rather than by the training targets: stratified folds for a loss
     * whose targets are not class indices (one logit's {@code [n, 1]} targets, one-hot rows). Same draws, so with
     * {@code classLabels} equal to the targets it gives the same figures.
     */
    public static Result run(Dataset data, Tensor classLabels, KFold kFold, int epochs, int batchSize, Rng rng,
                             Function<Rng, Trainer> trainerFactory) {
        return run(data, classLabels, kFold, epochs, batchSize, rng, FoldPreprocessing.none(), trainerFactory);
    }

    /**
     * Like {@link #run(Dataset, Tensor, KFold, int, int, Rng, Function)}, with {@code preprocessing} fitted on each
     * fold's training rows and applied to them and to its held-out rows (per-fold standardization: the held-out
     * rows' statistics never reach the model). With {@link FoldPreprocessing#none()} it gives the same figures.
     */
    public static Result run(Dataset data, Tensor classLabels, KFold kFold, int epochs, int batchSize, Rng rng,
                             FoldPreprocessing preprocessing, Function<Rng, Trainer> trainerFactory) {
        if (preprocessing == null) {
            throw new IllegalArgumentException("CrossValidation: preprocessing must not be null (FoldPreprocessing.none() for none)");
        }
        if (classLabels.rank() == 0 || classLabels.dim(0) != data.size()) {
            throw new IllegalArgumentException("CrossValidation: classLabels must have one entry per example ("
                    + data.size() + "), got shape " + classLabels.shape());
        }
        List<Fold> folds = kFold.split(new Dataset(data.features(), classLabels), rng.split());
        List<Evaluation> evaluations = new ArrayList<>();
        for (Fold fold : folds) {
            Rng foldRng = rng.split();
            Trainer trainer = trainerFactory.apply(foldRng.split());
            Dataset train = fold.train(data);
            UnaryOperator<Dataset> prepare = preprocessing.fit(train);
            trainer.fit(prepare.apply(train), null, epochs, batchSize, foldRng, EpochListener.none());
            evaluations.add(trainer.evaluate(prepare.apply(fold.validation(data)), Math.max(batchSize, 256)));
        }
        double[] losses = evaluations.stream().mapToDouble(Evaluation::loss).toArray();
        double[] accuracies = evaluations.stream().mapToDouble(Evaluation::accuracy).toArray();
        boolean hasAccuracy = evaluations.stream().noneMatch(e -> Double.isNaN(e.accuracy()));
        return new Result(List.copyOf(evaluations), FoldSummary.of(losses), hasAccuracy ? FoldSummary.of(accuracies) : null);
    }
}
