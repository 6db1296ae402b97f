package dev.temper.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The splits the lead runs on real data: the embedded MNIST training subset. */
class EmbeddedMnistFoldsTest {
    @Test
    void stratifiedFiveFoldsOfTheEmbeddedSubsetAreBalanced() {
        Dataset train = ImageClassification.embeddedMnist()[0];
        int[] total = DataTesting.classCounts(train, 10);
        List<Fold> folds = KFold.stratified(5).split(train, new Rng(2026));
        int validated = 0;
        for (Fold f : folds) {
            Dataset v = f.validation(train);
            validated += v.size();
            assertEquals(train.size() - v.size(), f.trainRows().length);
            int[] counts = DataTesting.classCounts(v, 10);
            for (int c = 0; c < 10; c++) {
                // each class dealt round-robin: floor or ceil of its count / 5 in every fold
                assertTrue(Math.abs(counts[c] - total[c] / 5.0) < 1, "class " + c + " fold " + f.index() + ": " + counts[c] + " of " + total[c]);
            }
        }
        assertEquals(train.size(), validated);
    }
}
