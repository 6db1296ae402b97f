package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequentialTest {
    private final Rng rng = new Rng(3);
    private final Sequential model = new Sequential(new Dense(4, 8, rng), new ReLU(), new Dense(8, 3, rng), new Softmax());

    @Test
    void layersAreNamedByKindAndRank() {
        assertEquals(List.of("dense_1", "relu_1", "dense_2", "softmax_1"), model.layerNames());
        assertEquals(List.of("dense_1.kernel", "dense_1.bias", "dense_2.kernel", "dense_2.bias"),
                List.copyOf(model.namedParameters().keySet()));
    }

    @Test
    void countsParametersAndPrintsASummary() {
        assertEquals(4 * 8 + 8 + 8 * 3 + 3, model.parameterCount());
        String summary = model.summary(Shape.of(4));
        assertTrue(summary.contains("dense_2"), summary);
        assertTrue(summary.contains("Total params: 67"), summary);
    }

    @Test
    void forwardGivesRowsOfProbabilities() {
        Tensor out = model.forward(Variable.constant(rng.normal(0f, 1f, 5, 4)), ForwardContext.inference()).value();
        assertEquals(Shape.of(5, 3), out.shape());
        Tensor rowSums = out.sum(false, 1);
        for (int i = 0; i < 5; i++) {
            assertEquals(1.0, rowSums.getFlat(i), 1e-6);
        }
    }

    @Test
    void shapeMismatchNamesTheLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.outputShape(Shape.of(5)));
        assertTrue(e.getMessage().startsWith("layer dense_1: "), e.getMessage());
        assertTrue(e.getMessage().contains("[5]"), e.getMessage());
    }

    @Test
    void glorotUniformStaysWithinItsLimit() {
        Dense d = new Dense(300, 200, rng);
        double limit = Math.sqrt(6.0 / 500);
        Tensor k = d.kernel().value();
        double sumSquares = 0;
        for (int i = 0; i < k.size(); i++) {
            assertTrue(Math.abs(k.getFlat(i)) <= limit);
            sumSquares += k.getFlat(i) * k.getFlat(i);
        }
        // Var(U(-l, l)) = l^2 / 3 = 2 / (fanIn + fanOut)
        assertEquals(2.0 / 500, sumSquares / k.size(), 0.02 * 2.0 / 500);
    }
}
