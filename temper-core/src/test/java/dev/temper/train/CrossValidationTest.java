package dev.temper.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.data.Dataset;
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
}
