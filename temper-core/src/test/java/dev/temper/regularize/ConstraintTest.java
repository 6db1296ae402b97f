package dev.temper.regularize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Parameter;
import dev.temper.autograd.Selector;
import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-worked projections: columns [3, 4] (norm 5), [0.6, 0.8] (norm 1) and [0, 0] of a [2, 3] kernel. */
class ConstraintTest {

    private static Tensor kernel(DType dtype) {
        return Tensor.of(new double[] {3, 0.6, 0, 4, 0.8, 0}, 2, 3).to(dtype);
    }

    @Test
    void maxNormRescalesOnlyColumnsOverTheLimit() {
        Tensor projected = new MaxNorm(2, 0).project(kernel(DType.FLOAT64));
        // Column 0 scaled by 2/5; column 1 (norm 1) and the zero column untouched.
        assertArrayEquals(new double[] {1.2, 0.6, 0, 1.6, 0.8, 0}, projected.toDoubleArray(), 1e-15);
    }

    @Test
    void maxNormDefaultsAreKeras() {
        MaxNorm d = MaxNorm.defaults();
        assertEquals(2.0, d.maxValue());
        assertArrayEquals(new int[] {0}, d.axes());
    }

    @Test
    void maxNormOverAxisOneBoundsRows() {
        // Rows [3, 0.6, 0] (norm ~3.059) and [4, 0.8, 0] (norm ~4.079), both above 1.
        Tensor projected = new MaxNorm(1, 1).project(kernel(DType.FLOAT64));
        Tensor rowNorms = projected.square().sum(false, 1).sqrt();
        assertArrayEquals(new double[] {1, 1}, rowNorms.toDoubleArray(), 1e-12);
    }

    @Test
    void maxNormOverSeveralAxesBoundsEachFilter() {
        Tensor w = new Rng(3).normal(0f, 2f, 3, 3, 2, 4).to(DType.FLOAT64); // channels-last conv kernel
        Tensor projected = new MaxNorm(1.5, 0, 1, 2).project(w);
        double[] norms = projected.square().sum(false, 0, 1, 2).sqrt().toDoubleArray();
        assertEquals(4, norms.length);
        for (double n : norms) {
            assertTrue(n <= 1.5 * (1 + 1e-12), "filter norm " + n);
        }
    }

    @Test
    void unitNormNormalizesColumnsAndLeavesZeroColumnsZero() {
        Tensor projected = new UnitNorm(0).project(kernel(DType.FLOAT32));
        assertEquals(DType.FLOAT32, projected.dtype());
        assertArrayEquals(new double[] {0.6, 0.6, 0, 0.8, 0.8, 0}, projected.toDoubleArray(), 1e-6);
    }

    @Test
    void nonNegativeClipsNegativesToZero() {
        Tensor projected = new NonNegative().project(Tensor.of(new double[] {-1, 0, 2, -0.5}, 4));
        assertArrayEquals(new double[] {0, 0, 2, 0}, projected.toDoubleArray(), 0.0);
    }

    @Test
    void projectionsLeaveTheirInputUnchanged() {
        Tensor w = kernel(DType.FLOAT64);
        new MaxNorm(1, 0).project(w);
        assertArrayEquals(kernel(DType.FLOAT64).toDoubleArray(), w.toDoubleArray(), 0.0);
    }

    @Test
    void constraintsProjectSelectedParametersInPlace() {
        Map<String, Parameter> p = new LinkedHashMap<>();
        p.put("dense_1.kernel", new Parameter("kernel", kernel(DType.FLOAT32)));
        p.put("dense_1.bias", new Parameter("bias", Tensor.of(new float[] {-3f, 4f}, 2)));
        Constraints c = Constraints.of(Selector.weights(), new MaxNorm(2, 0))
                .with(Selector.byPath("*.bias"), new NonNegative());
        c.apply(p, 0.1);
        assertArrayEquals(new double[] {1.2, 0.6, 0, 1.6, 0.8, 0}, p.get("dense_1.kernel").value().toDoubleArray(), 1e-6);
        assertArrayEquals(new double[] {0, 4}, p.get("dense_1.bias").value().toDoubleArray(), 0.0);
        assertTrue(c.penaltyTerms(p).isEmpty());
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MaxNorm(2, 2).project(kernel(DType.FLOAT64)));
        assertEquals("MaxNorm: axis 2 is out of range for a parameter of shape [2, 3] (expected 0..1)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxNorm(0, 0));
        assertEquals("MaxNorm: maxValue must be finite and > 0, got 0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new UnitNorm());
    }
}
