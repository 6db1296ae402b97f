package dev.temper.regularize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.GradCheck;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityPenaltiesTest {

    @Test
    void penaltyOfMatchingOutputsIsDividedByBatchSize() {
        Map<String, Variable> outputs = new LinkedHashMap<>();
        Variable hidden = new Variable(Tensor.of(new double[] {1, -2, 0, 3}, 2, 2), true); // batch 2
        outputs.put("encoder.activity", hidden);
        outputs.put("head.activity", new Variable(Tensor.of(new double[] {10}, 1, 1), true));
        PenaltyTerms terms = ActivityPenalties.none().with("sparse_code", "encoder.*", new L1(0.5)).compute(outputs);
        assertEquals(0.5 * 6 / 2, terms.value(), 1e-15);
        terms.total().backward();
        assertArrayEquals(new double[] {0.25, -0.25, 0, 0.25}, hidden.grad().toDoubleArray(), 1e-15);
        assertEquals(null, outputs.get("head.activity").grad());
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        ActivityPenalties a = ActivityPenalties.none().with("l2", "**", new L2(0.3));
        GradCheck.Result r = GradCheck.DEFAULT.check(v -> a.compute(Map.of("x", v.get(0))).total(),
                Tensor.of(new double[] {0.5, -1, 2, 0.25, -0.75, 1.5}, 3, 2));
        assertTrue(r.passed(), r.toString());
    }
}
