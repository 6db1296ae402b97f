package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.GradCheck;
import dev.temper.autograd.Variable;
import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import org.junit.jupiter.api.Test;

class EmbeddingTest {
    /** Index 2 appears three times and 0 twice: their table rows must receive the summed gradients. */
    private static final Tensor REPEATED = Tensor.of(new double[] {2, 0, 2, 4, 2, 0}, 2, 3);

    @Test
    void gradientWithRepeatedIndicesMatchesFiniteDifferences() {
        Tensor table = new Rng(5L).normal(0f, 1f, 5, 3).to(DType.FLOAT64);
        GradCheck.Result r = GradCheck.DEFAULT.check(v -> Embedding.run(Variable.constant(REPEATED), v.get(0)), table);
        assertTrue(r.passed(), r.toString());
        assertEquals(table.size(), r.checkedElements());
    }

    @Test
    void repeatedIndexAccumulatesTheSumOfItsRowGradients() {
        Embedding layer = new Embedding(5, 3, new Rng(1L));
        Variable out = layer.forward(Variable.constant(REPEATED.to(DType.FLOAT32)), ForwardContext.inference());
        out.sum().backward();
        Tensor grad = layer.embeddings().grad();
        // each use of a row contributes d(sum)/d(element) = 1 per element: counts 2, 0, 3, 0, 1 for rows 0..4
        double[] expected = {2, 2, 2, 0, 0, 0, 3, 3, 3, 0, 0, 0, 1, 1, 1};
        assertArrayEquals(expected, grad.toDoubleArray(), 0.0);
    }

    @Test
    void looksUpRowsIntoBatchTimeDimension() {
        Embedding layer = new Embedding(5, 3, new Rng(2L));
        Variable out = layer.forward(Variable.constant(REPEATED.to(DType.FLOAT32)), ForwardContext.inference());
        assertEquals(Shape.of(2, 3, 3), out.shape());
        Tensor table = layer.embeddings().value();
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 3; t++) {
                int row = (int) REPEATED.get(b, t);
                for (int d = 0; d < 3; d++) {
                    assertEquals(table.get(row, d), out.value().get(b, t, d), 0.0);
                }
            }
        }
        assertEquals(Shape.of(7, 3), layer.outputShape(Shape.of(7)));
    }

    @Test
    void defaultInitializationIsUniformWithinKerasLimits() {
        Tensor table = new Embedding(200, 10, new Rng(3L)).embeddings().value();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : table.toDoubleArray()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(min >= -0.05 && max <= 0.05, "range [" + min + ", " + max + "]");
        assertTrue(min < -0.045 && max > 0.045, "2000 uniform draws should come near both limits: [" + min + ", " + max + "]");
    }

    @Test
    void outOfRangeIndexNamesTheIndexAndTheVocabularySize() {
        Embedding layer = new Embedding(5, 3, new Rng(4L));
        Tensor bad = Tensor.of(new float[] {1, 5}, 1, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.forward(Variable.constant(bad), ForwardContext.inference()));
        assertTrue(e.getMessage().contains("index 5.0") && e.getMessage().contains("vocabularySize 5"), e.getMessage());
        Tensor negative = Tensor.of(new float[] {-1, 0}, 1, 2);
        assertThrows(IllegalArgumentException.class, () -> layer.forward(Variable.constant(negative), ForwardContext.inference()));
        Tensor fractional = Tensor.of(new float[] {1.5f, 0}, 1, 2);
        assertThrows(IllegalArgumentException.class, () -> layer.forward(Variable.constant(fractional), ForwardContext.inference()));
    }
}
