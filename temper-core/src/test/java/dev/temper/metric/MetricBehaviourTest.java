package dev.temper.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Hand-worked small cases and the documented edge cases. */
class MetricBehaviourTest {

    private static Tensor v(double... values) {
        return Tensor.of(values, values.length);
    }

    @Test
    void precisionIsZeroWhenNothingIsPredictedPositive() {
        // Scores all <= 0.5: no positive prediction, tp = fp = 0; sklearn (zero_division=0) and Keras give 0.
        Precision precision = Precision.binary();
        precision.update(v(0.1, 0.5, 0.3), v(1, 1, 0));
        assertEquals(0.0, precision.result());
        // Recall: 0 of the 2 positives found. F1: 2*0 / (0 + 0 + 2) = 0.
        Recall recall = Recall.binary();
        recall.update(v(0.1, 0.5, 0.3), v(1, 1, 0));
        assertEquals(0.0, recall.result());
    }

    @Test
    void recallIsZeroWithoutPositiveTargetsAndF1IsZeroWhenAllCountsAreZero() {
        Recall recall = Recall.binary();
        recall.update(v(0.9, 0.2), v(0, 0));
        assertEquals(0.0, recall.result());
        F1Score f1 = F1Score.binary();
        f1.update(v(0.1, 0.2), v(0, 0)); // tp = fp = fn = 0
        assertEquals(0.0, f1.result());
    }

    @Test
    void handWorkedBinaryScores() {
        // threshold 0 on logits: predictions 1, 0, 1, 1 against 1, 1, 0, 1 -> tp 2, fp 1, fn 1.
        Tensor logits = Tensor.of(new double[] {2, -1, 0.5, 3}, 4, 1);
        Tensor labels = v(1, 1, 0, 1);
        Precision p = Precision.binary(0);
        Recall r = Recall.binary(0);
        F1Score f = F1Score.binary(0);
        BinaryAccuracy a = new BinaryAccuracy(0);
        for (Metric m : new Metric[] {p, r, f, a}) {
            m.update(logits, labels);
        }
        assertEquals(2.0 / 3, p.result(), 1e-15);
        assertEquals(2.0 / 3, r.result(), 1e-15);
        assertEquals(2.0 / 3, f.result(), 1e-15);
        assertEquals(0.5, a.result(), 1e-15);
    }

    @Test
    void rocAucCountsTiesAsHalf() {
        // Positives score 0.8 and 0.4, negatives 0.4 and 0.1: pairs (0.8>0.4) 1, (0.8>0.1) 1, (0.4=0.4) 1/2, (0.4>0.1) 1.
        RocAuc auc = new RocAuc();
        auc.update(v(0.8, 0.4), v(1, 1));
        auc.update(v(0.4, 0.1), v(0, 0));
        assertEquals(3.5 / 4, auc.result(), 1e-15);
    }

    @Test
    void rocAucIsNaNWithOnlyOneClass() {
        RocAuc auc = new RocAuc();
        auc.update(v(0.3, 0.9), v(1, 1));
        assertTrue(Double.isNaN(auc.result()));
    }

    @Test
    void topKCountsClassesTiedAtTheBoundaryAsIn() {
        // True class 2 scores 0.5; only class 0 (0.9) scores higher, class 1 ties: within the top 2.
        // Second row: true class 0 (0.1) has two classes above it: not within the top 2.
        TopKAccuracy top2 = new TopKAccuracy(2);
        top2.update(Tensor.of(new double[] {0.9, 0.5, 0.5, 0.1, 0.6, 0.3}, 2, 3), v(2, 0));
        assertEquals(0.5, top2.result());
        assertEquals("top_2_accuracy", top2.name());
    }

    @Test
    void categoricalAccuracyAcceptsOneHotTargets() {
        CategoricalAccuracy accuracy = new CategoricalAccuracy();
        accuracy.update(Tensor.of(new double[] {0.2, 0.8, 0.7, 0.3}, 2, 2), Tensor.of(new double[] {0, 1, 0, 1}, 2, 2));
        assertEquals(0.5, accuracy.result());
    }

    @Test
    void rSquaredWithConstantTargetsIsOneWhenExactElseZero() {
        // SS_tot = 0: sklearn's force_finite gives 1 for a perfect fit, 0 otherwise.
        RSquared exact = new RSquared();
        exact.update(v(3, 3, 3), v(3, 3, 3));
        assertEquals(1.0, exact.result());
        RSquared off = new RSquared();
        off.update(v(3, 4), v(3, 3));
        off.update(v(2), v(3));
        assertEquals(0.0, off.result());
    }

    @Test
    void rSquaredHandWorked() {
        // targets 1, 2, 3 (mean 2, SS_tot 2); predictions 1, 2, 4 (SS_res 1): R^2 = 1 - 1/2.
        RSquared r2 = new RSquared();
        r2.update(v(1, 2), v(1, 2));
        r2.update(v(4), v(3));
        assertEquals(0.5, r2.result(), 1e-15);
    }

    @Test
    void rmseIsTheRootOfTheEpochMeanNotAMeanOfBatchRoots() {
        // errors 3 (batch 1) and 0 (batch 2): sqrt((9 + 0) / 2) = 2.1213..., whereas the mean of the batch roots
        // would be (3 + 0) / 2 = 1.5.
        RootMeanSquaredError rmse = new RootMeanSquaredError();
        rmse.update(v(3), v(0));
        rmse.update(v(1), v(1));
        assertEquals(Math.sqrt(4.5), rmse.result(), 1e-15);
    }

    @Test
    void macroAverageSkipsClassesAbsentFromTargetsAndPredictions() {
        // 3 classes, class 2 never seen: per-class precision 1 (class 0) and 0.5 (class 1) -> macro 0.75.
        Precision macro = Precision.macro();
        macro.update(Tensor.of(new double[] {1, 0, 0, 0, 1, 0, 0, 1, 0}, 3, 3), v(0, 1, 0));
        assertEquals(0.75, macro.result(), 1e-15);
        assertEquals("macro_precision", macro.name());
    }

    @Test
    void namesAreStableSnakeCase() {
        assertEquals("f1", F1Score.binary().name());
        assertEquals("micro_recall", Recall.micro().name());
        assertEquals("macro_f1", F1Score.macro().name());
        assertEquals("roc_auc", new RocAuc().name());
        assertEquals("r2", new RSquared().name());
        assertEquals("rmse", new RootMeanSquaredError().name());
        assertEquals("mae", new MeanAbsoluteError().name());
        assertEquals("accuracy", new CategoricalAccuracy().name());
        assertEquals("binary_accuracy", new BinaryAccuracy().name());
    }

    @Test
    void badInputNamesTheMetricAndTheShapeOrValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BinaryAccuracy().update(v(0.2, 0.7), v(1, 2)));
        assertTrue(e.getMessage().contains("binary_accuracy") && e.getMessage().contains("2.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CategoricalAccuracy().update(v(0.2, 0.7), v(1, 0)));
        assertTrue(e.getMessage().contains("accuracy") && e.getMessage().contains("[2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new CategoricalAccuracy().update(Tensor.of(new double[] {0.2, 0.8}, 1, 2), v(2)));
        assertTrue(e.getMessage().contains("2.0") && e.getMessage().contains("0..1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RSquared().update(v(1, 2, 3), v(1, 2)));
        assertTrue(e.getMessage().contains("r2") && e.getMessage().contains("[3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TopKAccuracy(0));
        assertTrue(e.getMessage().contains("k") && e.getMessage().contains("0"), e.getMessage());
    }
}
