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
}
