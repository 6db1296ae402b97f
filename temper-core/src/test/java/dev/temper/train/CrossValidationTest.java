package dev.temper.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.data.Dataset;
import dev.temper.data.FoldPreprocessing;
import dev.temper.data.ImageClassification;
import dev.temper.data.KFold;
import dev.temper.loss.SoftmaxCrossEntropyLoss;
import dev.temper.nn.Dense;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.optim.Adam;
import dev.temper.tensor.Rng;
import org.junit.jupiter.api.Test;

/** 5-fold stratified cross-validation on the embedded MNIST subset: per-fold figures and mean ± std. */
class CrossValidationTest {

    private static CrossValidation.Result run(long seed) {
        Dataset train = ImageClassification.embeddedMnist()[0];
        return CrossValidation.run(train, KFold.stratified(5), 2, 128, new Rng(seed), rng -> new Trainer(
                new Sequential(new Dense(784, 128, rng), new ReLU(), new Dense(128, 10, rng)),
                new SoftmaxCrossEntropyLoss(), Adam.defaults().build()));
    }

    @Test
    void reportsEveryFoldAndTheirMeanAndSpread() {
        CrossValidation.Result result = run(11);
        System.out.print(result.report());
        assertEquals(5, result.folds().size());
        for (Evaluation e : result.folds()) {
            assertEquals(1600, e.examples(), "stratified folds of 8000 examples hold 1600 each");
            assertTrue(e.accuracy() > 0.85, "each fold learns: " + e.accuracy());
        }
        assertTrue(result.accuracy().std() > 0 && result.accuracy().std() < 0.03, "folds agree within a few points: " + result.accuracy().format());
        assertTrue(result.report().contains("mean: loss "), result.report());
        assertEquals(result.accuracy().format(), run(11).accuracy().format(), "same seed, same figures");
    }

    @Test
    void classLabelsDealTheFoldsWhenTheTargetsAreNotClassIndices() {
        Dataset all = ImageClassification.embeddedMnist()[0];
        int[] rows = new int[600];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        Dataset small = all.subset(rows);
        java.util.function.Function<Rng, Trainer> factory = rng -> new Trainer(
                new Sequential(new Dense(784, 16, rng), new ReLU(), new Dense(16, 10, rng)),
                new SoftmaxCrossEntropyLoss(), Adam.defaults().build());
        CrossValidation.Result byTargets = CrossValidation.run(small, KFold.stratified(3), 1, 128, new Rng(4), factory);
        CrossValidation.Result byLabels =
                CrossValidation.run(small, small.targets(), KFold.stratified(3), 1, 128, new Rng(4), factory);
        assertEquals(byTargets.accuracy(), byLabels.accuracy(), "the same labels deal the same folds, draw for draw");
        // one-hot targets cannot be stratified themselves; their class labels can
        Dataset oneHot = new Dataset(small.features(), dev.temper.data.Mixup.oneHot(small.targets(), 10));
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.run(oneHot, KFold.stratified(3), 1, 128, new Rng(4), factory));
        assertTrue(refused.getMessage().contains("class indices of shape [n]"), refused.getMessage());
        CrossValidation.Result mse = CrossValidation.run(oneHot, small.targets(), KFold.stratified(3), 1, 128, new Rng(4),
                rng -> new Trainer(new Sequential(new Dense(784, 10, rng)), new dev.temper.loss.MeanSquaredError(),
                        Adam.defaults().build()));
        assertEquals(java.util.List.of(200, 200, 200), mse.folds().stream().map(Evaluation::examples).toList());
        IllegalArgumentException wrongLength = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.run(small, all.targets(), KFold.stratified(3), 1, 128, new Rng(4), factory));
        assertEquals("CrossValidation: classLabels must have one entry per example (600), got shape [8000]",
                wrongLength.getMessage());
    }

    /**
     * Preprocessing is fitted on each fold's training rows alone and applied to them and to the held-out rows, which
     * the model is evaluated on; with none, the figures are those of the plain call.
     */
    @Test
    void preprocessingIsFittedOnEachFoldsTrainingRowsAndAppliedToBothParts() {
        Dataset all = ImageClassification.embeddedMnist()[0];
        Dataset small = all.subset(java.util.stream.IntStream.range(0, 300).toArray());
        java.util.function.Function<Rng, Trainer> factory = rng -> new Trainer(
                new Sequential(new Dense(784, 10, rng)), new SoftmaxCrossEntropyLoss(), Adam.defaults().build());
        java.util.List<Dataset> fitted = new java.util.ArrayList<>();
        java.util.List<Dataset> applied = new java.util.ArrayList<>();
        FoldPreprocessing spy = train -> {
            fitted.add(train);
            return d -> {
                applied.add(d);
                return new Dataset(d.features().mul(dev.temper.tensor.Tensor.scalar(0f)), d.targets()); // blinds the model
            };
        };
        CrossValidation.Result blind = CrossValidation.run(small, small.targets(), KFold.plain(3), 10, 32, new Rng(5), spy, factory);
        assertEquals(3, fitted.size(), "one fit per fold");
        assertEquals(6, applied.size(), "applied to each fold's training rows, then to its held-out rows");
        java.util.List<dev.temper.data.Fold> folds = KFold.plain(3).split(small, new Rng(5).split());
        for (int f = 0; f < 3; f++) {
            assertEquals(folds.get(f).trainRows().length, fitted.get(f).size(), "fold " + f + ": fitted on its training rows");
            assertTrue(fitted.get(f) == applied.get(2 * f), "fold " + f + ": the model trains on the transformed training rows");
            assertEquals(folds.get(f).validationRows().length, applied.get(2 * f + 1).size());
            for (int i = 0; i < 5; i++) { // the held-out rows are the fold's, and none of them was fitted on
                int row = folds.get(f).validationRows()[i];
                assertEquals(small.features().get(row, 400), applied.get(2 * f + 1).features().get(i, 400));
            }
        }
        for (Evaluation e : blind.folds()) {
            assertTrue(e.accuracy() < 0.3, "zeroed features everywhere: no better than guessing the commonest class, " + e.accuracy());
        }
        CrossValidation.Result none = CrossValidation.run(small, small.targets(), KFold.plain(3), 10, 32, new Rng(5),
                FoldPreprocessing.none(), factory);
        CrossValidation.Result plain = CrossValidation.run(small, KFold.plain(3), 10, 32, new Rng(5), factory);
        assertEquals(plain.loss(), none.loss(), "none: the same figures, bit for bit");
        assertTrue(plain.accuracy().mean() > 0.5, "the same model learns on the features themselves: " + plain.accuracy().format());
    }
}
