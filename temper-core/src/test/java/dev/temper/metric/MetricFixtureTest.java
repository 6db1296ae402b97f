package dev.temper.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.fixtures.TensorFixtures;
import dev.temper.tensor.DType;
import dev.temper.tensor.Tensor;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every metric against {@code src/test/fixtures/metrics.py} (numpy), fed three ways: the whole data set in one
 * batch, in uneven mini-batches (5, 1, 7, the rest), and after a reset that follows an unrelated batch. All three
 * must agree with the reference to 1e-12 relative, which shows the accumulation is exact.
 */
class MetricFixtureTest {
    private static final TensorFixtures FIXTURES = TensorFixtures.load("metrics.txt");

    static Stream<Arguments> metrics() {
        return Stream.of(
                m(BinaryAccuracy::new, "bin"),
                m(Precision::binary, "bin"),
                m(Recall::binary, "bin"),
                m(F1Score::binary, "bin"),
                m(RocAuc::new, "bin"),
                m(CategoricalAccuracy::new, "cls"),
                m(() -> new TopKAccuracy(2), "cls"),
                m(() -> new TopKAccuracy(3), "cls"),
                m(Precision::macro, "cls"),
                m(Recall::macro, "cls"),
                m(F1Score::macro, "cls"),
                m(Precision::micro, "cls"),
                m(Recall::micro, "cls"),
                m(F1Score::micro, "cls"),
                m(MeanAbsoluteError::new, "reg"),
                m(RootMeanSquaredError::new, "reg"),
                m(RSquared::new, "reg"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metrics")
    void matchesTheNumpyReferenceWholeAndInMiniBatches(String name, Supplier<Metric> factory, String data) {
        Tensor predictions = predictions(data);
        Tensor targets = targets(data);
        double expected = FIXTURES.expected(name)[0];

        Metric whole = factory.get();
        assertEquals(name, whole.name());
        whole.update(predictions, targets);
        assertClose(expected, whole.result(), name + " in one batch");

        Metric batched = factory.get();
        int[] cuts = {0, 5, 6, 13, predictions.dim(0)};
        for (int b = 0; b + 1 < cuts.length; b++) {
            batched.update(predictions.rows(cuts[b], cuts[b + 1]), targets.rows(cuts[b], cuts[b + 1]));
        }
        assertClose(expected, batched.result(), name + " in mini-batches");

        Metric reused = batched.fresh();
        assertTrue(Double.isNaN(reused.result()), name + ": a fresh metric has seen nothing");
        reused.update(predictions.rows(0, 3), targets.rows(0, 3));
        reused.reset();
        assertTrue(Double.isNaN(reused.result()), name + ": nothing seen after reset");
        reused.update(predictions.to(DType.FLOAT32), targets.to(DType.FLOAT32));
        assertEquals(expected, reused.result(), 1e-5 * Math.abs(expected), name + " after reset, from float32 tensors");
    }

    @Test
    void confusionMatricesMatchTheReference() {
        ConfusionMatrix binary = ConfusionMatrix.binary(0.5);
        binary.update(predictions("bin"), targets("bin"));
        assertCounts(FIXTURES.expected("binary_confusion"), binary.counts());
        ConfusionMatrix multiclass = ConfusionMatrix.multiclass();
        multiclass.update(predictions("cls").rows(0, 10), targets("cls").rows(0, 10));
        multiclass.update(predictions("cls").rows(10, 29), targets("cls").rows(10, 29));
        assertCounts(FIXTURES.expected("multiclass_confusion"), multiclass.counts());
    }

    @Test
    void rSquaredOfOneColumnMatchesTheReference() {
        RSquared r2 = new RSquared();
        r2.update(predictions("reg").narrow(1, 0, 1).reshape(17), targets("reg").narrow(1, 0, 1).reshape(17));
        assertClose(FIXTURES.expected("r2_column_0")[0], r2.result(), "r2 of column 0");
    }

    private static void assertCounts(double[] expected, long[][] counts) {
        int classes = counts.length;
        assertEquals(expected.length, classes * classes);
        for (int i = 0; i < expected.length; i++) {
            assertEquals((long) expected[i], counts[i / classes][i % classes], "count [" + i / classes + "][" + i % classes + "]");
        }
    }

    private static Tensor predictions(String data) {
        return FIXTURES.tensor(data.equals("bin") ? "bin_scores" : data.equals("cls") ? "cls_scores" : "reg_pred");
    }

    private static Tensor targets(String data) {
        return FIXTURES.tensor(data.equals("bin") ? "bin_labels" : data.equals("cls") ? "cls_labels" : "reg_tgt");
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.abs(expected), what);
    }

    private static Arguments m(Supplier<Metric> factory, String data) {
        return Arguments.of(factory.get().name(), factory, data);
    }
}
